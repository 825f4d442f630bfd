// Preloaded (node --require) by SesEmulatorFixture: the fixture holds the emulator's stdin open, so
// when the test host goes away, even killed, stdin ends and the emulator exits instead of lingering.
'use strict';
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
