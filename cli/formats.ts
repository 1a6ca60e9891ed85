import type { Rule } from '../server/src/engine/ruleApi';
import { formatCheckstyle } from './format-checkstyle';
import { formatCodeClimate } from './format-codeclimate';
import { formatGithub } from './format-github';
import { formatGnu } from './format-gnu';
import { formatJson } from './format-json';
import { formatJunit } from './format-junit';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import type { FileReport } from './report';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'checkstyle', 'junit', 'codeclimate', 'gnu', 'github'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface FormatContext {
  rules: readonly Rule[];
  version: string;
  /** ANSI colours in the text format (a terminal, NO_COLOR unset). */
  colour: boolean;
}

const FORMATTERS: Record<OutputFormat, (reports: readonly FileReport[], ctx: FormatContext) => string> = {
  text: (reports, ctx) => formatText(reports, ctx.colour),
  json: (reports) => formatJson(reports),
  sarif: (reports, ctx) => formatSarif(reports, ctx.rules, ctx.version),
  checkstyle: (reports) => formatCheckstyle(reports),
  junit: (reports) => formatJunit(reports),
  codeclimate: (reports) => formatCodeClimate(reports),
  gnu: (reports) => formatGnu(reports),
  github: (reports) => formatGithub(reports),
};

export function formatReports(format: OutputFormat, reports: readonly FileReport[], ctx: FormatContext): string {
  return FORMATTERS[format](reports, ctx);
}
