import { Inject, Injectable, Logger } from '@nestjs/common';
import { generateKeyPairSync, KeyObject, createPublicKey } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { keyId, parsePublicKey, parseSigningKey, publicKeyPem } from './ledger';

/** The checkpoint signing key (held in memory only, never in the database) and the public keys verification trusts. */
@Injectable()
export class LedgerKeys {
  readonly signingKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly keyId: string;
  readonly publicKeyPem: string;
  /** Current and previous public keys by key id. */
  readonly trusted: Map<string, KeyObject>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (config.ledgerSigningKey) {
      this.signingKey = parseSigningKey(config.ledgerSigningKey);
    } else {
      // Development only (production refuses to start without a key): checkpoints signed now cannot be verified after a restart.
      new Logger('LedgerKeys').warn('Chưa đặt LEDGER_SIGNING_KEY/LEDGER_KEY_FILE: dùng khóa ký tạm thời, chỉ hợp lệ đến khi khởi động lại.');
      this.signingKey = generateKeyPairSync('ed25519').privateKey;
    }
    this.publicKey = createPublicKey(this.signingKey);
    this.keyId = keyId(this.publicKey);
    this.publicKeyPem = publicKeyPem(this.publicKey);
    this.trusted = new Map([[this.keyId, this.publicKey]]);
    for (const k of config.ledgerPreviousKeys) {
      const pub = parsePublicKey(k);
      this.trusted.set(keyId(pub), pub);
    }
  }
}
