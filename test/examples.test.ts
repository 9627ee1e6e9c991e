import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'yaml';

// Every numbered example spec runs through the CLI and ends with status ok (STYLE: CI runs the
// examples). Network specs (they have `groups`) run through `nanoionics network`, the others
// through `nanoionics run`.
for (const f of readdirSync('examples').filter((n) => /^\d\d-.*\.ya?ml$/.test(n)).sort()) {
  test(`example ${f} runs`, () => {
    const path = join('examples', f);
    const isNetwork = typeof (parse(readFileSync(path, 'utf8')) as Record<string, unknown>).groups === 'object';
    const args = isNetwork ? ['network', path, '--json'] : ['run', path, '--json'];
    const r = spawnSync(process.execPath, [join('bin', 'nanoionics.js'), ...args], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).status, 'ok');
  });
}
