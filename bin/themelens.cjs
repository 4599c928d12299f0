#!/usr/bin/env node
// Installed as `themelens` (npm install -g). The CLI is built to out/cli by `npm run build`.
require('../out/cli/themelens.cjs');
