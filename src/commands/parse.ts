/** `ctmatch parse <NCTID|file> [--json]`: the criteria of one trial and the rules read from them. */
import fs from 'node:fs';
import { PARSER_VERSION, parseCriteria, type ParsedCriterion } from '../criteria/parse';
import { renderCondition } from '../criteria/render';
import { AppError } from '../errors';
import { getCriteria } from '../store/criteria-repo';
import { getTrial } from '../store/trials-repo';
import { parseCommandArgs, usageError, type Command } from './command';
import { withContext } from './context';

const usage = `Usage: ctmatch parse <NCTID|file> [--json]

Prints each criterion of a trial with its kind, category, parse status and rule.
  NCTID   a trial in the store (e.g. NCT04862780)
  file    a v2 study JSON file, or a text file holding eligibility criteria`;

async function fromStore(nctId: string): Promise<{ nctId: string; criteria: ParsedCriterion[] }> {
  return withContext(async ({ store }) => {
    const stored = await getCriteria(store.db, nctId);
    if (stored && stored.parserVersion === PARSER_VERSION) {
      return { nctId, criteria: stored.criteria as ParsedCriterion[] };
    }
    const trial = await getTrial(store.db, nctId);
    if (!trial) throw new AppError('trial_not_found', `No stored trial ${nctId}. Import or sync it first.`, { status: 404 });
    const raw = trial.raw as { protocolSection?: { eligibilityModule?: { eligibilityCriteria?: string } } };
    return { nctId, criteria: parseCriteria(raw.protocolSection?.eligibilityModule?.eligibilityCriteria) };
  });
}

function fromFile(file: string): { nctId: string | null; criteria: ParsedCriterion[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new AppError('file_not_found', `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`, { status: 404 });
  }
  if (/^\s*\{/.test(text)) {
    let json: { protocolSection?: { identificationModule?: { nctId?: string }; eligibilityModule?: { eligibilityCriteria?: string } } };
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      throw new AppError('malformed_json', `${file} looks like JSON but does not parse.`, { status: 400 });
    }
    const criteria = json.protocolSection?.eligibilityModule?.eligibilityCriteria;
    if (typeof criteria !== 'string') {
      throw new AppError('unrecognised_format', `${file} has no protocolSection.eligibilityModule.eligibilityCriteria.`, {
        status: 400,
        path: '/protocolSection/eligibilityModule/eligibilityCriteria',
      });
    }
    return { nctId: json.protocolSection?.identificationModule?.nctId ?? null, criteria: parseCriteria(criteria) };
  }
  return { nctId: null, criteria: parseCriteria(text) };
}

export const parseCommand: Command = {
  summary: 'Show the criteria of a trial (or file) and the rules read from them',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, usage, true);
    if (positionals.length !== 1) throw usageError('Give one NCT id or file.', usage);
    const target = positionals[0]!;
    const result = /^NCT\d{8}$/i.test(target) ? await fromStore(target.toUpperCase()) : fromFile(target);
    if (values.json) {
      process.stdout.write(JSON.stringify({ ...result, parserVersion: PARSER_VERSION }) + '\n');
      return 0;
    }
    const lines: string[] = [];
    const counts = { parsed: 0, partial: 0, unparsed: 0 };
    for (const c of result.criteria) {
      counts[c.status]++;
      lines.push(`[${c.id}] ${c.kind} · ${c.category} · ${c.status}`);
      lines.push(`  ${c.text.replace(/\s+/g, ' ').trim()}`);
      lines.push(`  → ${renderCondition(c.rule)}`);
    }
    lines.push(
      '',
      `${result.nctId ?? 'text'}: ${result.criteria.length} criteria — ${counts.parsed} parsed, ${counts.partial} partial, ${counts.unparsed} unparsed (parser ${PARSER_VERSION})`,
    );
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
};
