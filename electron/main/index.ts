// Electron main entry: the only file that loads the real electron module.
import * as electron from 'electron';
import { shellPaths, startApp } from './app';

startApp(electron, shellPaths(electron, __dirname, process.resourcesPath));
