/** `ctmatch report parse [--json]`: parse coverage over every stored trial. */
import { CoverageCounter } from '../criteria/coverage';
import { PARSER_VERSION, type ParsedCriterion } from '../criteria/parse';
import { refreshParsedCriteria } from '../criteria/reparse';
import { createProgress } from '../progress';
import { iterateCriteria } from '../store/criteria-repo';
import { countTrials } from '../store/trials-repo';
import { parseCommandArgs, usageError, type Command } from './command';
import { withContext } from './context';

const usage = `Usage: ctmatch report parse [--json] [--top N]

Parses any stored trial whose criteria are missing or out of date, then prints how many criteria
were parsed, partly parsed or not read, overall and per category, and the most frequent unread
phrasings.`;

export const reportCommand: Command = {
  summary: 'Report parse coverage over the stored trials',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(
      args,
      { json: { type: 'boolean' }, top: { type: 'string', default: '20' } },
      usage,
      true,
    );
    if (positionals[0] !== 'parse' || positionals.length !== 1) throw usageError('The only report is `parse`.', usage);
    const top = Number(values.top);
    if (!Number.isInteger(top) || top < 0) throw usageError('--top takes a whole number.', usage);
    const report = await withContext(async ({ store, log }) => {
      const progress = createProgress({ label: 'parsing criteria', total: await countTrials(store.db), log, unit: 'trials' });
      await refreshParsedCriteria(store, { log, progress });
      progress.stop();
      const counter = new CoverageCounter();
      for await (const batch of iterateCriteria(store.db, PARSER_VERSION)) {
        for (const row of batch) counter.addTrial(row.criteria as ParsedCriterion[]);
      }
      return counter.report(top);
    });
    if (values.json) {
      process.stdout.write(JSON.stringify({ ...report, parserVersion: PARSER_VERSION }) + '\n');
      return 0;
    }
    const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
    const lines = [
      `Parser ${PARSER_VERSION}: ${report.trials} trials, ${report.criteria} criteria`,
      `  parsed   ${report.parsed} (${pct(report.criteria ? report.parsed / report.criteria : 0)})`,
      `  partial  ${report.partial} (${pct(report.criteria ? report.partial / report.criteria : 0)})`,
      `  unparsed ${report.unparsed} (${pct(report.criteria ? report.unparsed / report.criteria : 0)})`,
      `  read (parsed + partial): ${pct(report.readShare)}`,
      '',
      'By category (criteria about the topic whose rule reads it):',
      ...Object.entries(report.byCategory).map(
        ([cat, c]) => `  ${cat.padEnd(20)} ${String(c.read).padStart(6)} / ${String(c.criteria).padEnd(6)} ${pct(c.share)}`,
      ),
      '',
      'Most frequent unread phrasings:',
      ...report.topUnparsed.map((p) => `  ${String(p.count).padStart(5)}  ${p.phrase}`),
    ];
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
};
