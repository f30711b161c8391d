/**
 * npm run --silent token -- --rol <rol> [--organisatie <id>] [--sub <id>] [--gemeente GM0080] [--doel <doel>] [--geldig 8h]
 * Prints a dev JWT signed by the local dev identity provider key, and nothing else.
 */
import { parseArgs } from 'node:util';
import { inwonerId } from '../db/seed/generate';
import { loadConfigOrExit } from '../subgraphs/shared/config';
import { ensureDevKeys, loadDevClientSigningKey } from '../subgraphs/shared/keys';
import { DEFAULT_GEMEENTE, DEV_ORGANISATIE, DOELEN_PER_ROL, ORGANISATIE_ROLES, ROLES, isRol } from '../subgraphs/shared/roles';
import { signDevClientToken } from '../subgraphs/shared/tokens';

function fail(message: string): never {
  console.error(`${message}\nUsage: npm run --silent token -- --rol <rol> [--organisatie <id>] [--sub <id>] [--gemeente GM0080] [--doel <doel>] [--geldig 8h]\nRoles: ${ROLES.join(', ')}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      rol: { type: 'string' },
      organisatie: { type: 'string' },
      sub: { type: 'string' },
      gemeente: { type: 'string' },
      doel: { type: 'string' },
      geldig: { type: 'string' },
    },
  }));
} catch (error) {
  fail((error as Error).message);
}
const rol = values.rol;
if (!isRol(rol)) fail(rol ? `Unknown role "${rol}".` : 'Missing --rol.');
const gemeente = values.gemeente ?? DEFAULT_GEMEENTE;
if (!/^GM\d{4}$/.test(gemeente)) fail('--gemeente must look like GM0080.');
if (values.doel && !DOELEN_PER_ROL[rol].includes(values.doel)) {
  fail(`--doel "${values.doel}" is not allowed for ${rol}; allowed: ${DOELEN_PER_ROL[rol].join(', ')}.`);
}
const organisatie = values.organisatie ?? DEV_ORGANISATIE[rol];
if (ORGANISATIE_ROLES.includes(rol) && !organisatie) fail(`Role ${rol} needs --organisatie.`);
// An inwoner token defaults to the first seeded resident, so a first query works at once.
const sub = values.sub ?? (rol === 'inwoner' ? inwonerId(gemeente, 1) : `dev-${rol}`);

const config = loadConfigOrExit();
ensureDevKeys(config.KEYS_DIR);
const token = await signDevClientToken(
  { sub, rol, organisatie, gemeente, doel: values.doel },
  loadDevClientSigningKey(config),
  { issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE, expiresIn: values.geldig ?? '8h' },
);
process.stdout.write(`${token}\n`);
