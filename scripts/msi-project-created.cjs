// electron-builder msiProjectCreated hook: adds the machine set-up (MSI properties for the machine-wide
// configuration file, the data folder with its ACL) to project.wxs before WiX compiles it.
const fs = require('node:fs');
const { addMachineSetup } = require('./msi/machineSetup.cjs');

module.exports = async function msiProjectCreated(projectFile) {
  fs.writeFileSync(projectFile, addMachineSetup(fs.readFileSync(projectFile, 'utf8')));
  console.log('  • msi: machine set-up added (DATADIR, SHARE, SHAREPORT, LANGUAGE, UPDATECHANNEL, MAINDESK; Users: Modify on the data folder)');
};
