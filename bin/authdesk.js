#!/usr/bin/env node
// The `authdesk` command: runs the built command line (npm run build first). Kept tiny and plain CommonJS so
// npm can link it as a bin.
// eslint-disable-next-line @typescript-eslint/no-require-imports, no-undef
require('../out/main/cli.js');
