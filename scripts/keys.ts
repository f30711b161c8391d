/** npm run keys: creates the dev key pairs under KEYS_DIR (./data/keys) when missing. */
import { loadConfigOrExit } from '../subgraphs/shared/config';
import { ensureDevKeys } from '../subgraphs/shared/keys';

const config = loadConfigOrExit();
const written = ensureDevKeys(config.KEYS_DIR);
console.log(written.length > 0 ? `Wrote dev keys to ${config.KEYS_DIR}: ${written.join(', ')}` : `Dev keys already present in ${config.KEYS_DIR}`);
