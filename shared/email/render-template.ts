// Renders a template into a finished message: plain text, and HTML with every value escaped. Also checks a
// template for placeholders it does not know, so a typo is refused with a clear message instead of being
// mailed to a customer as "{{contactNme}}".
import { placeholderNames, type EmailTemplate, type PlaceholderName, type PlaceholderValues } from './email-template';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

type Segment = { literal: string } | { placeholder: PlaceholderName };

const tokenPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

const isPlaceholder = (name: string): name is PlaceholderName => (placeholderNames as readonly string[]).includes(name);

// Problems in one piece of template text ("subject" or "body"), each a sentence for the user.
export function templateProblems(source: string, where: string): string[] {
  const problems: string[] = [];
  const unknown = new Set<string>();
  for (const match of source.matchAll(tokenPattern)) {
    const name = match[1] ?? '';
    if (!isPlaceholder(name)) unknown.add(name);
  }
  if (unknown.size > 0) {
    const names = [...unknown].map((name) => `{{${name}}}`).join(', ');
    problems.push(
      `Unknown placeholder${unknown.size > 1 ? 's' : ''} ${names} in the ${where}. Use one of: ${placeholderNames
        .map((name) => `{{${name}}}`)
        .join(', ')}.`,
    );
  }
  // Whatever is left after removing well-formed tokens must not contain braces: "{{link}" is a typo.
  const rest = source.replace(tokenPattern, '');
  if (rest.includes('{{') || rest.includes('}}')) {
    problems.push(`The ${where} has an unclosed placeholder: write placeholders as {{name}}.`);
  }
  return problems;
}

export function validateTemplate(template: Pick<EmailTemplate, 'subject' | 'body'>): {
  subject?: string;
  body?: string;
} {
  const subject = templateProblems(template.subject, 'subject');
  const body = templateProblems(template.body, 'body');
  return {
    ...(subject.length > 0 ? { subject: subject.join(' ') } : {}),
    ...(body.length > 0 ? { body: body.join(' ') } : {}),
  };
}

// A line holding nothing but a placeholder whose value is empty (no GDAP request, say) disappears, with one of
// the blank lines around it, so the message has no gap where it would have been.
function withoutEmptyLines(source: string, values: PlaceholderValues): string {
  const lines = source.split(/\r?\n/);
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const only = /^\s*\{\{\s*([^{}]*?)\s*\}\}\s*$/.exec(lines[index] ?? '');
    const name = only?.[1] ?? '';
    if (!only || !isPlaceholder(name) || values[name].trim() !== '') {
      kept.push(lines[index] ?? '');
      continue;
    }
    const blankBefore = kept.length === 0 || kept[kept.length - 1]?.trim() === '';
    const next = lines[index + 1];
    if (blankBefore && next !== undefined && next.trim() === '') index += 1;
    else if (blankBefore && next === undefined) kept.pop();
  }
  return kept.join('\n');
}

function segments(source: string): Segment[] {
  const result: Segment[] = [];
  let last = 0;
  for (const match of source.matchAll(tokenPattern)) {
    const name = match[1] ?? '';
    const index = match.index;
    if (!isPlaceholder(name)) {
      throw new Error(`Unknown placeholder {{${name}}}.`);
    }
    if (index > last) result.push({ literal: source.slice(last, index) });
    result.push({ placeholder: name });
    last = index + match[0].length;
  }
  if (last < source.length) result.push({ literal: source.slice(last) });
  return result;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const escapeLines = (value: string) => escapeHtml(value).replace(/\r?\n/g, '<br>\n');

// Only http(s) links become anchors: a value can never smuggle a javascript: URL into the message.
const linkHtml = (link: string) =>
  /^https?:\/\//i.test(link) ? `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>` : escapeHtml(link);

function renderHtmlBody(body: string, values: PlaceholderValues): string {
  const inner = segments(body)
    .map((segment) => {
      if ('literal' in segment) return escapeLines(segment.literal);
      const value = values[segment.placeholder];
      if (segment.placeholder === 'link' || segment.placeholder === 'gdapLink') return linkHtml(value);
      // The instructions carry the links too: they must be clickable there as well.
      return [values.link, values.gdapLink]
        .filter((link) => /^https?:\/\//i.test(link))
        .reduce((html, link) => html.split(escapeHtml(link)).join(linkHtml(link)), escapeLines(value));
    })
    .join('');
  // Blank lines separate paragraphs, as in the plain-text part.
  const paragraphs = inner
    .split(/<br>\n(?:\s*<br>\n)+/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph) => `<p>${paragraph}</p>`);
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8"></head>',
    '<body style="font-family: Segoe UI, Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.5; color: #1f2328;">',
    ...paragraphs,
    '</body></html>',
  ].join('\n');
}

function renderText(source: string, values: PlaceholderValues): string {
  return segments(source)
    .map((segment) => ('literal' in segment ? segment.literal : values[segment.placeholder]))
    .join('');
}

export function renderEmail(
  template: Pick<EmailTemplate, 'subject' | 'body'>,
  values: PlaceholderValues,
): RenderedEmail {
  const problems = validateTemplate(template);
  const first = problems.subject ?? problems.body;
  if (first) throw new Error(first);
  // Subjects are one line whatever a value contains (a header must never be split).
  const subject = renderText(template.subject, values)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
  const body = withoutEmptyLines(template.body, values);
  return { subject, text: renderText(body, values), html: renderHtmlBody(body, values) };
}
