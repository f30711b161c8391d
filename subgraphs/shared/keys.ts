import { generateKeyPairSync, createPrivateKey, createPublicKey, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import type { Config } from './config';

/**
 * Key material. Two pairs exist:
 * - the client pair: in development a local "dev identity provider" whose private key
 *   `npm run token` signs with; in production only the IdP's public key (PEM or JWKS).
 * - the internal pair: the gateway signs the short-lived token it forwards to each
 *   subgraph; subgraphs hold only the public key, so a subgraph cannot mint tokens.
 * And one secret: the key of the keyed pseudonyms in the processing log, shared by the
 * subgraphs (they write the log) and nobody else.
 * Dev keys are generated on first start under KEYS_DIR (./data/keys, ignored by git).
 */
export const DEV_KEY_FILES = {
  clientPrivate: 'dev-client.private.pem',
  clientPublic: 'dev-client.public.pem',
  internalPrivate: 'internal.private.pem',
  internalPublic: 'internal.public.pem',
  processingLog: 'processing-log.key',
} as const;

function writePair(dir: string, privateName: string, publicName: string): void {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  writeFileSync(join(dir, privateName), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(join(dir, publicName), publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
}

/** Creates the dev key pairs when missing. Returns the names of the files it wrote. */
export function ensureDevKeys(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const pairs: Array<[string, string]> = [
    [DEV_KEY_FILES.clientPrivate, DEV_KEY_FILES.clientPublic],
    [DEV_KEY_FILES.internalPrivate, DEV_KEY_FILES.internalPublic],
  ];
  for (const [priv, pub] of pairs) {
    if (!existsSync(join(dir, priv)) || !existsSync(join(dir, pub))) {
      writePair(dir, priv, pub);
      written.push(priv, pub);
    }
  }
  if (!existsSync(join(dir, DEV_KEY_FILES.processingLog))) {
    writeFileSync(join(dir, DEV_KEY_FILES.processingLog), `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    written.push(DEV_KEY_FILES.processingLog);
  }
  return written;
}

function readKeyFile(path: string, what: string): string {
  if (!existsSync(path)) {
    throw new Error(`${what} not found at ${path}. Run "npm run keys" for dev keys, or set the key file variables (see .env.example).`);
  }
  return readFileSync(path, 'utf8');
}

export function loadInternalSigningKey(config: Config): KeyObject {
  const path = config.INTERNAL_JWT_PRIVATE_KEY_FILE ?? devPath(config, DEV_KEY_FILES.internalPrivate, 'INTERNAL_JWT_PRIVATE_KEY_FILE');
  return createPrivateKey(readKeyFile(path, 'Internal token signing key'));
}

export function loadInternalVerifyKey(config: Config): KeyObject {
  const path = config.INTERNAL_JWT_PUBLIC_KEY_FILE ?? devPath(config, DEV_KEY_FILES.internalPublic, 'INTERNAL_JWT_PUBLIC_KEY_FILE');
  return createPublicKey(readKeyFile(path, 'Internal token public key'));
}

/** The processing log's pseudonym key: at least 32 bytes, hex encoded. */
export function loadPseudonymKey(config: Config): KeyObject {
  const path = config.PROCESSING_LOG_KEY_FILE ?? devPath(config, DEV_KEY_FILES.processingLog, 'PROCESSING_LOG_KEY_FILE');
  const hex = readKeyFile(path, 'Processing log key').trim();
  if (!/^([0-9a-f]{2}){32,}$/i.test(hex)) throw new Error(`Processing log key at ${path} must be at least 32 bytes, hex encoded.`);
  return createSecretKey(Buffer.from(hex, 'hex'));
}

export function loadDevClientSigningKey(config: Config): KeyObject {
  return createPrivateKey(readKeyFile(devPath(config, DEV_KEY_FILES.clientPrivate, 'a dev environment (NODE_ENV)'), 'Dev client signing key'));
}

export type ClientKey = KeyObject | JWTVerifyGetKey;

/** The key (or JWKS) the gateway verifies client tokens with. */
export function loadClientVerifyKey(config: Config): ClientKey {
  if (config.AUTH_JWKS_URL) return createRemoteJWKSet(new URL(config.AUTH_JWKS_URL));
  const path = config.AUTH_PUBLIC_KEY_FILE ?? devPath(config, DEV_KEY_FILES.clientPublic, 'AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE');
  return createPublicKey(readKeyFile(path, 'Client token public key'));
}

function devPath(config: Config, file: string, variable: string): string {
  if (config.NODE_ENV === 'production') {
    throw new Error(`No dev keys in production: set ${variable}.`);
  }
  return join(config.KEYS_DIR, file);
}
