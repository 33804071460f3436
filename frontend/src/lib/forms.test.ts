import { validated } from './forms';

const form = (...outcomes: Array<{ values: object } | { error: object }>) => {
  let i = 0;
  return {
    calls: () => i,
    validateFields: (() => {
      const o = outcomes[Math.min(i++, outcomes.length - 1)];
      return 'values' in o ? Promise.resolve(o.values) : Promise.reject(o.error);
    }) as never,
  };
};

describe('validated', () => {
  it('gives the values when every rule passes', async () => {
    expect(await validated(form({ values: { password: 'x' } }))).toEqual({ password: 'x' });
  });

  it('gives null when a field has an error, without asking again', async () => {
    const f = form({ error: { errorFields: [{ name: ['password'], errors: ['Vui lòng nhập mật khẩu.'] }], outOfDate: false } });
    expect(await validated(f)).toBeNull();
    expect(f.calls()).toBe(1);
  });

  it('asks again when a newer validation overtook this one, so the click is not lost', async () => {
    const f = form({ error: { errorFields: [], outOfDate: true } }, { values: { password: 'x' } });
    expect(await validated(f)).toEqual({ password: 'x' });
    expect(f.calls()).toBe(2);
  });

  it('an overtaken validation whose newer one finds an error gives null', async () => {
    const f = form({ error: { errorFields: [], outOfDate: true } }, { error: { errorFields: [{ name: ['a'], errors: ['x'] }], outOfDate: false } });
    expect(await validated(f)).toBeNull();
  });

  it('gives up after five overtaken validations, and on anything that is not antd\'s rejection', async () => {
    const f = form({ error: { errorFields: [], outOfDate: true } });
    expect(await validated(f)).toBeNull();
    expect(f.calls()).toBe(5);
    expect(await validated(form({ error: new Error('boom') }))).toBeNull();
    expect(await validated({ validateFields: (() => Promise.reject(null)) as never })).toBeNull();
  });
});
