#!/usr/bin/env node
// Small helpers for tests/emulator/emulator.sh (used by demo.sh and tests/package/check.sh), in Node
// because Node is already required for the emulator: no curl or jq needed.
//
//   node emulator-tool.cjs entry DIR                 the emulator's bin entry point (absolute path)
//   node emulator-tool.cjs free-port [PREFERRED]     PREFERRED if free on 127.0.0.1, else a free port
//   node emulator-tool.cjs probe URL                 exit 0 when URL/store answers with an emails array
//   node emulator-tool.cjs wait URL SECONDS PID      probe until ready (0), PID gone (3), timeout (4)
//   node emulator-tool.cjs email URL MESSAGE_ID      the stored email as JSON (exit 1 if absent)
//   node emulator-tool.cjs show URL MESSAGE_ID       the stored email, human-readable (exit 1 if absent)
//   node emulator-tool.cjs field NAME                member NAME (dotted) of the JSON document on stdin
'use strict';
const fs = require('fs');
const http = require('http');
const net = require('net');
const path = require('path');

const PACKAGE = 'aws-ses-v2-local';

function fail(message, code = 1) {
  process.stderr.write(message + '\n');
  process.exit(code);
}

function get(url, timeoutMs = 2000) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, timeout: timeoutMs }, (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
  });
}

async function readStore(base) {
  const response = await get(new URL('store', base).toString());
  if (response.status !== 200) throw new Error(`GET /store answered HTTP ${response.status}`);
  const store = JSON.parse(response.body);
  if (!Array.isArray(store.emails)) throw new Error('GET /store answered without an emails array');
  return store.emails;
}

async function findEmail(base, messageId) {
  return (await readStore(base)).find((e) => e.messageId === messageId);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function listen(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(null));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      const chosen = server.address().port;
      server.close(() => resolve(chosen));
    });
  });
}

const commands = {
  entry(dir) {
    const packageDir = path.resolve(dir, 'node_modules', PACKAGE);
    const manifestPath = path.join(packageDir, 'package.json');
    if (!fs.existsSync(manifestPath)) fail(`${PACKAGE} is not installed in ${dir}: run tests/emulator/install.sh.`);
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    const pinned = JSON.parse(fs.readFileSync(path.resolve(dir, 'package.json'), 'utf8')).dependencies[PACKAGE];
    if (manifest.version !== pinned) fail(`${PACKAGE} ${manifest.version} is installed, ${pinned} is pinned: run tests/emulator/install.sh.`);
    const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin && manifest.bin[PACKAGE];
    if (!bin) fail(`${PACKAGE}'s package.json names no "bin" entry point.`);
    const entry = path.join(packageDir, bin);
    if (!fs.existsSync(entry)) fail(`${PACKAGE}'s entry point ${entry} is missing: run tests/emulator/install.sh.`);
    console.log(entry);
  },

  async 'free-port'(preferred) {
    const wanted = Number(preferred || 0);
    const port = (wanted > 0 && (await listen(wanted))) || (await listen(0));
    if (!port) fail('No free TCP port on 127.0.0.1.');
    console.log(port);
  },

  async probe(base) {
    try {
      await readStore(base);
    } catch {
      process.exit(1);
    }
  },

  async wait(base, seconds, pid) {
    const deadline = Date.now() + Number(seconds) * 1000;
    for (;;) {
      if (pid && !isAlive(Number(pid))) process.exit(3);
      try {
        await readStore(base);
        return;
      } catch {
        // Not up yet.
      }
      if (Date.now() > deadline) process.exit(4);
      await new Promise((r) => setTimeout(r, 150));
    }
  },

  async email(base, messageId) {
    const email = await findEmail(base, messageId);
    if (!email) fail(`No email with message id ${messageId} in ${new URL('store', base)}.`);
    console.log(JSON.stringify(email));
  },

  async show(base, messageId) {
    const email = await findEmail(base, messageId);
    if (!email) fail(`No email with message id ${messageId} in ${new URL('store', base)}.`);
    const to = ((email.destination && email.destination.to) || []).join(', ');
    const text = (email.body && email.body.text) || '(no text part)';
    const lines = [
      `  Message id: ${email.messageId}`,
      `  Stored at:  ${new Date(email.at * 1000).toISOString()}`,
      `  From:       ${email.from}`,
      `  To:         ${to}`,
      `  Subject:    ${email.subject}`,
      `  HTML part:  ${email.body && email.body.html ? `${email.body.html.length} characters` : '(none)'}`,
      '  Text part:',
      ...text.split('\n').map((l) => (l ? `    | ${l}` : '    |')),
    ];
    console.log(lines.join('\n'));
  },

  field(name) {
    const input = fs.readFileSync(0, 'utf8');
    let value;
    try {
      value = name.split('.').reduce((o, k) => (o == null ? undefined : o[k]), JSON.parse(input));
    } catch {
      fail('Not a JSON document: ' + input.slice(0, 500));
    }
    if (value === undefined || value === null) process.exit(1);
    console.log(typeof value === 'string' ? value : JSON.stringify(value));
  },
};

const [command, ...args] = process.argv.slice(2);
if (!commands[command]) fail(`usage: emulator-tool.cjs ${Object.keys(commands).join('|')} ...`, 2);
Promise.resolve(commands[command](...args)).catch((e) => fail(String(e && e.message ? e.message : e)));
