// Runs the shell steps of one job of a GitHub Actions workflow locally, in
// order, as the runner would on Linux (bash -e, the workflow's, job's and
// step's env), so the steps the workflow documents are the steps that work.
// `uses:` steps cannot run here: their names are printed, and the test checks
// the list. Expressions ${{ … }} must all be given on the command line.
// usage: node run-workflow.mjs WORKFLOW JOB DIR [expr=value …]
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import YAML from 'yaml';

const [file, jobName, dir, ...given] = process.argv.slice(2);
const values = Object.fromEntries(given.map((g) => [g.slice(0, g.indexOf('=')), g.slice(g.indexOf('=') + 1)]));
const expand = (text) =>
  String(text).replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr) => {
    if (!(expr in values)) throw new Error(`no value given for \${{ ${expr} }}`);
    return values[expr];
  });
const envOf = (obj) => Object.fromEntries(Object.entries(obj ?? {}).map(([k, v]) => [k, expand(v)]));

const workflow = YAML.parse(readFileSync(file, 'utf8'));
const job = workflow.jobs[jobName];
if (!job) throw new Error(`no job ${jobName}`);
const env = { ...process.env, ...envOf(workflow.env), ...envOf(job.env) };
for (const step of job.steps) {
  if (step.uses) {
    console.log(`uses: ${step.uses.replace(/@.*/, '')}`);
    continue;
  }
  const name = step.name ?? step.run.split('\n')[0];
  console.log(`run: ${name}`);
  const r = spawnSync('bash', ['-e', '-c', expand(step.run)], {
    cwd: dir, env: { ...env, ...envOf(step.env) }, stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.error(`step failed (${r.status}): ${name}`);
    process.exit(1);
  }
}
