// `node scripts/require-node.mjs 22.12 "what needs it"`: stops a script with one line when Node is older.
// Packaging the desktop app needs Node 22.12+, as Electron's toolchain (@electron/get, @electron/rebuild)
// requires; serving a workspace and the tests need only Node 20 (README, "Packaging").
const [wanted = '0', purpose = 'this'] = process.argv.slice(2);
const parts = (version) => version.split('.').map(Number);
const [major = 0, minor = 0] = parts(process.versions.node);
const [needMajor = 0, needMinor = 0] = parts(wanted);
if (major < needMajor || (major === needMajor && minor < needMinor)) {
  console.error(`[node] ${purpose} needs Node.js ${wanted} or newer (Electron's toolchain requires it); this is Node.js ${process.versions.node}`);
  process.exit(1);
}
