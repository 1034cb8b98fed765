#!/usr/bin/env node
// Plain JavaScript on purpose: it must run on any Node to tell an old one what is needed.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`market-brief needs Node.js 22.18 or newer (24 recommended); this is Node.js ${process.versions.node}.`);
  process.exit(1);
}
