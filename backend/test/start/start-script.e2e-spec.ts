import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// `npm start`'s embedded PostgreSQL where it cannot work: one Vietnamese sentence, exit code 78, no stack
// trace, and nothing of the user's folders touched. As root PostgreSQL runs as the `postgres` user, which
// cannot enter a `mktemp -d` folder (mode 700); as an ordinary user, a folder without write permission.
const root = path.resolve(__dirname, '..', '..', '..');
const asRoot = process.getuid?.() === 0;

function start(dataDir: string) {
  return spawnSync(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    env: { ...process.env, DATABASE_URL: '', THIDUA_DATA_DIR: dataDir, PORT: '0' },
    encoding: 'utf-8',
    timeout: 50_000,
  });
}

function expectOneSentence(stderr: string) {
  const text = stderr.trim();
  expect(text.split('\n')).toHaveLength(1);
  expect(text).not.toMatch(/\bat .+:\d+:\d+/); // no stack frame
  expect(text).not.toMatch(/Error|EACCES: permission denied,/);
  expect(text).toMatch(/; hãy .+\.$/); // why, then what to do
  return text;
}

describe('npm start with an embedded data folder that cannot work', () => {
  let tmp: string;
  beforeEach(() => (tmp = mkdtempSync(path.join(os.tmpdir(), 'thidua-start-'))));
  afterEach(() => {
    chmodSync(tmp, 0o700);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('THIDUA_DATA_DIR where PostgreSQL cannot reach: the sentence and exit code 78, the folder left as it was', () => {
    if (!asRoot) chmodSync(tmp, 0o500);
    const modeBefore = statSync(tmp).mode;
    const dataDir = path.join(tmp, 'postgres');
    const res = start(dataDir);
    expect(res.status).toBe(78);
    const sentence = expectOneSentence(res.stderr);
    expect(sentence).toContain('THIDUA_DATA_DIR');
    expect(sentence).toContain(asRoot ? tmp : dataDir);
    expect(statSync(tmp).mode).toBe(modeBefore);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('THIDUA_DATA_DIR holding other files: the sentence and exit code 78, the files untouched', () => {
    writeFileSync(path.join(tmp, 'notes.txt'), 'not PostgreSQL');
    const res = start(tmp);
    expect(res.status).toBe(78);
    expect(expectOneSentence(res.stderr)).toContain(`Thư mục dữ liệu PostgreSQL ${tmp} đã chứa tệp khác`);
    expect(readdirSync(tmp)).toEqual(['notes.txt']);
  });
});

describe('where npm start keeps its data by default', () => {
  const defaultDataDir = (project: string): string => spawnSync(process.execPath, [
    '--input-type=module', '-e',
    `const { defaultDataDir } = await import(${JSON.stringify(path.join(root, 'scripts', 'embedded-pg.mjs'))}); console.log(defaultDataDir(process.argv[1]));`,
    project,
  ], { encoding: 'utf-8' }).stdout.trim();
  let tmp: string;
  beforeEach(() => (tmp = mkdtempSync(path.join(os.tmpdir(), 'thidua-project-'))));
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it("in the project's own .data/postgres when PostgreSQL can reach it", () => {
    chmodSync(tmp, 0o755);
    expect(defaultDataDir(tmp)).toBe(path.join(tmp, '.data', 'postgres'));
  });

  (asRoot ? it : it.skip)('as root, in a folder of its own under /var/lib/thidua when the postgres user cannot enter the project', () => {
    const dir = defaultDataDir(tmp);
    try {
      expect(dir).toMatch(new RegExp(`^/var/lib/thidua/${path.basename(tmp)}-[0-9a-f]{12}/postgres$`));
      expect(defaultDataDir(tmp)).toBe(dir); // the same folder on every start
      expect(statSync(path.dirname(dir)).mode & 0o777).toBe(0o755);
      expect(statSync(tmp).mode & 0o777).toBe(0o700); // the project's folder is not loosened
    } finally {
      rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });
});
