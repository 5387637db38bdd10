import { parseArgs } from 'node:util';
import { ensureLocalKeys, signLocalToken } from '../shared/auth/local-keys.js';
import { roleSchema } from '../shared/auth/roles.js';
import { localConfig } from './config.js';

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'agent' },
    name: { type: 'string' },
    sub: { type: 'string' },
    expires: { type: 'string', default: '12h' },
  },
});
const role = roleSchema.safeParse(values.role);
if (!role.success) {
  console.error(`--role must be agent or supervisor, not "${values.role}"`);
  process.exit(2);
}
const { DATA_DIR } = localConfig();
const keys = await ensureLocalKeys(DATA_DIR);
const name = values.name ?? (role.data === 'supervisor' ? 'Demo Supervisor' : 'Demo Agent');
const sub = values.sub ?? `local-${role.data}`;
const token = await signLocalToken(keys.privateJwk, { sub, name, role: role.data }, { expiresIn: values.expires }).catch((err: Error) => {
  console.error(`--expires: ${err.message}`);
  process.exit(2);
});
console.log(`# ${role.data} token for "${name}" (${sub}), valid ${values.expires}, signed with the key in ${DATA_DIR}/auth`);
console.log(token);
