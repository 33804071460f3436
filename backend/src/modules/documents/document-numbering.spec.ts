import { buildDocumentNumber, isDocumentTypeCode, parseDocumentNumber } from './document-numbering';

describe('buildDocumentNumber', () => {
  it('pads numbers below 10 with a zero (ND30)', () => {
    expect(buildDocumentNumber(1, 'KH', 'KTĐ4')).toBe('01/KH-KTĐ4');
    expect(buildDocumentNumber(9, 'TTr', 'KTĐ4')).toBe('09/TTr-KTĐ4');
    expect(buildDocumentNumber(10, 'BB', 'KTĐ4')).toBe('10/BB-KTĐ4');
    expect(buildDocumentNumber(125, 'BC', 'CTĐ12')).toBe('125/BC-CTĐ12');
    expect(buildDocumentNumber(2, 'QC', 'KTĐ4')).toBe('02/QC-KTĐ4');
    expect(buildDocumentNumber(3, 'GU', 'KTĐ4')).toBe('03/GU-KTĐ4');
  });

  it('leaves the number blank for a draft', () => {
    expect(buildDocumentNumber(null, 'KH', 'KTĐ4')).toBe('\u00a0'.repeat(5) + '/KH-KTĐ4');
  });

  it('normalises the issuer code to NFC', () => {
    expect(buildDocumentNumber(1, 'KH', 'KTĐ4'.normalize('NFD'))).toBe('01/KH-KTĐ4');
  });

  it('rejects bad input', () => {
    expect(() => buildDocumentNumber(0, 'KH', 'KTĐ4')).toThrow();
    expect(() => buildDocumentNumber(1.5, 'KH', 'KTĐ4')).toThrow();
    expect(() => buildDocumentNumber(1, 'XX' as never, 'KTĐ4')).toThrow();
    expect(() => buildDocumentNumber(1, 'KH', '')).toThrow();
    expect(() => buildDocumentNumber(1, 'KH', 'KTĐ 4')).toThrow();
    expect(() => buildDocumentNumber(1, 'KH', 'A/B')).toThrow();
  });
});

describe('parseDocumentNumber', () => {
  it('round-trips', () => {
    expect(parseDocumentNumber('01/KH-KTĐ4')).toEqual({ sequence: 1, code: 'KH', issuerCode: 'KTĐ4' });
    expect(parseDocumentNumber(buildDocumentNumber(37, 'TTr', 'KTĐ4'))).toEqual({ sequence: 37, code: 'TTr', issuerCode: 'KTĐ4' });
  });

  it('returns null for other strings', () => {
    expect(parseDocumentNumber('KH-KTĐ4')).toBeNull();
    expect(parseDocumentNumber('01/XYZ-KTĐ4')).toBeNull();
    expect(parseDocumentNumber('00/KH-KTĐ4')).toBeNull();
  });

  it('knows the codes', () => {
    expect(isDocumentTypeCode('KH')).toBe(true);
    expect(isDocumentTypeCode('toString')).toBe(false);
  });
});
