// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, turning off the
// ways a packaged app could be made to run arbitrary code (ELECTRON_RUN_AS_NODE, NODE_OPTIONS,
// --inspect) and making it load only its own, integrity-checked asar.
const path = require('node:path');

/** The fuse settings, exported so a unit test can check them without packaging. */
function fuseConfig(FuseVersion, FuseV1Options) {
  return {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: true,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
  };
}

/** Path of the Electron executable inside the packed app for each platform. */
function executablePath(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`, 'Contents', 'MacOS', name);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName);
  }
}

async function afterPack(context, fuses = require('@electron/fuses')) {
  await fuses.flipFuses(executablePath(context), fuseConfig(fuses.FuseVersion, fuses.FuseV1Options));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseConfig = fuseConfig;
module.exports.executablePath = executablePath;
