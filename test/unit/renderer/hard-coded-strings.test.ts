// No user-facing text is written into a component: JSX text, the attributes people read (labels, titles,
// placeholders) and the messages passed to notify() go through the translation layer. A hit names the file,
// the line and the text, so the fix is to move that text into the feature's catalog.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const rendererDir = path.resolve(__dirname, '../../../renderer');

// Attributes whose value a person reads or hears.
const readAttributes = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  'hint',
  'description',
  'confirmLabel',
  'cancelLabel',
  'emptyText',
]);

// Names that are the same in every language.
const untranslatable = new Set(['AuthDesk', 'Partner Center', 'Microsoft 365', 'CSV', 'SMTP', 'GDAP', 'MPN ID']);

const hasLetter = (text: string) => /\p{L}/u.test(text);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function isUserText(text: string): boolean {
  const trimmed = text.trim();
  return hasLetter(trimmed) && !untranslatable.has(trimmed);
}

interface Shown {
  node: ts.Node;
  text: string;
}

// String literals whose value ends up on screen as an expression's result (a ternary's branches, a ||
// fallback, a template), not those compared, indexed or passed to a function (t() keys, class names, ids).
function shownLiterals(expression: ts.Expression): Shown[] {
  if (ts.isStringLiteralLike(expression)) return [{ node: expression, text: expression.text }];
  if (ts.isParenthesizedExpression(expression)) return shownLiterals(expression.expression);
  if (ts.isConditionalExpression(expression)) {
    return [...shownLiterals(expression.whenTrue), ...shownLiterals(expression.whenFalse)];
  }
  if (ts.isBinaryExpression(expression)) {
    const kind = expression.operatorToken.kind;
    if (
      kind === ts.SyntaxKind.BarBarToken ||
      kind === ts.SyntaxKind.QuestionQuestionToken ||
      kind === ts.SyntaxKind.PlusToken
    ) {
      return [...shownLiterals(expression.left), ...shownLiterals(expression.right)];
    }
    if (kind === ts.SyntaxKind.AmpersandAmpersandToken) return shownLiterals(expression.right);
  }
  if (ts.isTemplateExpression(expression)) {
    const literalText = [expression.head, ...expression.templateSpans.map((span) => span.literal)]
      .map((part) => part.text)
      .join(' ');
    return [{ node: expression, text: literalText }];
  }
  return [];
}

function findHardCoded(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const hits: string[] = [];
  const report = (shown: Shown[]) => {
    for (const { node, text: value } of shown) {
      if (!isUserText(value)) continue;
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      hits.push(`${fileName}:${line + 1}: ${JSON.stringify(value.trim().slice(0, 60))}`);
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report([{ node, text: node.text }]);
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      report(shownLiterals(node.expression));
    }
    if (ts.isJsxAttribute(node) && readAttributes.has(node.name.getText(source)) && node.initializer) {
      const value = node.initializer;
      if (ts.isStringLiteral(value)) report([{ node: value, text: value.text }]);
      if (ts.isJsxExpression(value) && value.expression) report(shownLiterals(value.expression));
    }
    // notify('error', 'Could not …'): the toast text.
    if (ts.isCallExpression(node) && /(^|\.)notify$/.test(node.expression.getText(source)) && node.arguments[1]) {
      report(shownLiterals(node.arguments[1]));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return hits;
}

describe('renderer text', () => {
  it('is never hard-coded in a component: every string a person reads comes from the catalogs', () => {
    const hits = sourceFiles(rendererDir).flatMap((file) =>
      findHardCoded(path.relative(rendererDir, file), readFileSync(file, 'utf8')),
    );
    expect(hits).toEqual([]);
  });

  it('the scanner itself catches text, read attributes, ternaries, templates and toasts', () => {
    const sample = [
      'export const A = () => <p title="Shown title">Hello there {busy ? "Saving…" : t("x")}</p>;',
      'notify("error", "Could not save");',
      'const ok = <div className="queue-row" data-testid="row">{t("queue:title")}{" "}{`${n}`}</div>;',
      'const b = <Field label={`For ${count} customers`} />;',
    ].join('\n');
    expect(findHardCoded('probe.tsx', sample).map((hit) => hit.replace(/^probe\.tsx:\d+: /, ''))).toEqual([
      '"Shown title"',
      '"Hello there"',
      '"Saving…"',
      '"Could not save"',
      '"For   customers"',
    ]);
  });
});
