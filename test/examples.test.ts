import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// Every numbered example spec runs through the CLI and ends with status ok (STYLE: CI runs the examples).
for (const f of readdirSync('examples').filter((n) => /^\d\d-.*\.ya?ml$/.test(n)).sort()) {
  test(`example ${f} runs`, () => {
    const r = spawnSync(process.execPath, [join('bin', 'nanoionics.js'), 'run', join('examples', f), '--json'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).status, 'ok');
  });
}
