#!/usr/bin/env node
// Plain JavaScript on purpose: Node 20 (still the Node of many servers) must be able to run it.
//
//   node bin/require-node.js <command> [args…]   (what the npm scripts do)
//
// runs the command; when this Node is older than the dependencies need (package.json `engines`),
// it first gets Node 24 from the npm registry into a cache folder (once; the same folder .ci/run
// uses) and runs the command with that Node first on PATH, after a one-line notice on stderr.
// With a recent Node it downloads nothing. Without a command it only checks (status 0 or 1).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The lowest Node the dependencies accept, from package.json `engines.node` (">=X.Y.Z"). */
export function requiredNode() {
  const engines = JSON.parse(readFileSync(join(here, '..', 'package.json'), 'utf8')).engines;
  const match = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(String(engines && engines.node).trim());
  return match === null ? [22, 19, 0] : match.slice(1).map(Number);
}

export function isRecentEnough(version = process.versions.node) {
  const have = version.replace(/^v/, '').split('.').map(Number);
  const need = requiredNode();
  for (let index = 0; index < 3; index += 1) {
    if ((have[index] || 0) !== need[index]) return (have[index] || 0) > need[index];
  }
  return true;
}

const windows = process.platform === 'win32';

/** Where Node 24 from the npm registry is kept: $MARKET_BRIEF_NODE_CACHE, else ~/.cache/node24. */
export function nodeCacheFolder() {
  return process.env.MARKET_BRIEF_NODE_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'node24');
}

function binFolder(folder) {
  return join(folder, 'node_modules', '.bin');
}

function versionOf(node) {
  if (!existsSync(node)) return null;
  const result = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8', shell: windows });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** Installs the `node@24` package (the Node binary for this platform) into the cache folder; atomic. */
function installNode24(folder) {
  mkdirSync(dirname(folder), { recursive: true });
  const staging = mkdtempSync(`${folder}.partial-`);
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli && /npm-cli\.js$/.test(npmCli) ? [process.execPath, [npmCli]] : [windows ? 'npm.cmd' : 'npm', []];
  const result = spawnSync(
    command,
    [...args, 'install', '--prefix', staging, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', 'node@24'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      shell: windows,
    },
  );
  if (result.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`npm install node@24 failed${result.error ? `: ${result.error.message}` : ` (status ${result.status})`}`);
  }
  try {
    rmSync(folder, { recursive: true, force: true });
    renameSync(staging, folder);
  } catch {
    // Another run installed it at the same moment: theirs is as good.
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * A folder holding a recent enough `node`, to put first on PATH: the cached Node 24, installed
 * from the npm registry the first time. Prints the one-line notice. Throws when it cannot.
 */
export function suitableNodeFolder() {
  const folder = nodeCacheFolder();
  const node = join(binFolder(folder), windows ? 'node.cmd' : 'node');
  let version = versionOf(node);
  const fresh = version === null || !isRecentEnough(version);
  const need = requiredNode().join('.');
  const where = folder.replace(homedir(), '~');
  if (fresh) {
    process.stderr.write(
      `market-brief: Node.js ${process.versions.node} is older than the ${need} the dependencies need; installing Node.js 24 from the npm registry into ${where} (once) and running under it\n`,
    );
    installNode24(folder);
    version = versionOf(node);
    if (version === null || !isRecentEnough(version)) throw new Error(`the Node installed in ${where} does not run or is too old (${version})`);
  } else {
    process.stderr.write(
      `market-brief: Node.js ${process.versions.node} is older than the ${need} the dependencies need; running under Node.js ${version} from ${where}\n`,
    );
  }
  return binFolder(folder);
}

/** Runs a command with inherited stdio; resolves with its exit status (re-raising a fatal signal). */
function runCommand(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env, shell: windows });
    // Ctrl-C reaches the child from the terminal; this process waits for it to finish.
    const ignore = () => undefined;
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', ignore);
    process.on('SIGTERM', forward);
    process.on('SIGHUP', forward);
    child.on('error', (error) => {
      process.stderr.write(`market-brief: cannot run ${command}: ${error.message}\n`);
      resolve(127);
    });
    child.on('close', (status, signal) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', forward);
      process.off('SIGHUP', forward);
      if (signal !== null) {
        process.kill(process.pid, signal);
        resolve(1);
      } else resolve(status === null ? 1 : status);
    });
  });
}

function tooOld(reason) {
  process.stderr.write(
    `market-brief: needs Node.js ${requiredNode().join('.')} or newer (24 recommended); this is Node.js ${process.versions.node}, and ${reason}. Install Node 24 (https://nodejs.org) and try again.\n`,
  );
  return 1;
}

/** An environment whose PATH starts with `folder`, marked so a second re-run cannot loop. */
function environmentWith(folder) {
  const key = Object.keys(process.env).find((name) => name.toUpperCase() === 'PATH') || 'PATH';
  return { ...process.env, [key]: `${folder}${delimiter}${process.env[key] || ''}`, MARKET_BRIEF_NODE_RERUN: '1' };
}

/**
 * For bin/market-brief.js: null when this Node will do; else runs `node <args>` under a suitable
 * Node and resolves with its exit status.
 */
export async function rerunUnderSuitableNode(args) {
  if (isRecentEnough()) return null;
  if (process.env.MARKET_BRIEF_NODE_RERUN === '1') return tooOld('the re-run under a newer Node did not take');
  let folder;
  try {
    folder = suitableNodeFolder();
  } catch (error) {
    return tooOld(`Node 24 could not be installed from the npm registry (${error.message})`);
  }
  return runCommand(join(folder, windows ? 'node.cmd' : 'node'), args, environmentWith(folder));
}

async function asScript(argv) {
  const [command, ...args] = argv;
  if (isRecentEnough()) return command === undefined ? 0 : runCommand(command, args, process.env);
  if (command === undefined) return tooOld('`node bin/require-node.js <command>` (as the npm scripts use it) would run the command under Node 24');
  if (process.env.MARKET_BRIEF_NODE_RERUN === '1') return tooOld('the re-run under a newer Node did not take');
  let folder;
  try {
    folder = suitableNodeFolder();
  } catch (error) {
    return tooOld(`Node 24 could not be installed from the npm registry (${error.message})`);
  }
  return runCommand(command, args, environmentWith(folder));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await asScript(process.argv.slice(2));
}
