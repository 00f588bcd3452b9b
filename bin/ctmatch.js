#!/usr/bin/env node
// Entry point for `npx ctmatch`. The TypeScript is compiled to dist/ by `npm install` (prepare).
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'src', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('ctmatch is not built yet: run `npm install` or `npm run build` first.\n');
  process.exit(1);
}
require(cli)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
