// Công thức của chỉ tiêu phái sinh (formulas of derived indicators). A formula is arithmetic over other
// indicators, written `{CODE}` (the value of that indicator for the same unit, period and disaggregation) or
// `prev({CODE})` (the same period of the previous year), numbers, + - * / and parentheses:
//   density  = {0201} / ({0101} / 100)            persons per km² from persons and hectares
//   growth   = ({0601} / prev({0601}) - 1) * 100  % change on the same period last year
// A missing input gives no value (null), never zero; so does a division by zero.

export type Formula =
  | { kind: 'num'; value: number }
  | { kind: 'ref'; code: string; prevYear: boolean }
  | { kind: 'neg'; arg: Formula }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Formula; right: Formula };

export class FormulaError extends Error {}

type Token = { t: 'num'; v: number } | { t: 'ref'; code: string } | { t: 'op'; v: string } | { t: 'word'; v: string };

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '{') {
      const end = text.indexOf('}', i);
      if (end < 0) throw new FormulaError(`unclosed "{" at ${i}`);
      const code = text.slice(i + 1, end).trim();
      if (!/^[A-Za-z0-9._-]+$/.test(code)) throw new FormulaError(`bad indicator reference "{${code}}"`);
      out.push({ t: 'ref', code });
      i = end + 1;
    } else if (/[0-9.]/.test(c)) {
      const m = /^\d*\.?\d+(?:[eE][-+]?\d+)?/.exec(text.slice(i));
      if (!m) throw new FormulaError(`bad number at ${i}`);
      out.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else if ('+-*/()'.includes(c)) {
      out.push({ t: 'op', v: c });
      i++;
    } else if (/[a-z]/i.test(c)) {
      const m = /^[a-z]+/i.exec(text.slice(i))!;
      out.push({ t: 'word', v: m[0] });
      i += m[0].length;
    } else {
      throw new FormulaError(`unexpected "${c}" at ${i}`);
    }
  }
  return out;
}

/** Parses a formula; throws FormulaError saying what is wrong. */
export function parseFormula(text: string): Formula {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (v: string) => peek()?.t === 'op' && (peek() as { v: string }).v === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new FormulaError(`expected "${v}"`);
    pos++;
  };
  const expr = (): Formula => {
    let left = term();
    while (isOp('+') || isOp('-')) {
      const op = (tokens[pos++] as { v: '+' | '-' }).v;
      left = { kind: 'bin', op, left, right: term() };
    }
    return left;
  };
  const term = (): Formula => {
    let left = factor();
    while (isOp('*') || isOp('/')) {
      const op = (tokens[pos++] as { v: '*' | '/' }).v;
      left = { kind: 'bin', op, left, right: factor() };
    }
    return left;
  };
  const factor = (): Formula => {
    const tok = peek();
    if (!tok) throw new FormulaError('unexpected end of formula');
    if (tok.t === 'num') {
      pos++;
      return { kind: 'num', value: tok.v };
    }
    if (tok.t === 'ref') {
      pos++;
      return { kind: 'ref', code: tok.code, prevYear: false };
    }
    if (tok.t === 'word') {
      if (tok.v !== 'prev') throw new FormulaError(`unknown function "${tok.v}" (only prev is known)`);
      pos++;
      expect('(');
      const ref = peek();
      if (ref?.t !== 'ref') throw new FormulaError('prev( ) takes one indicator reference, e.g. prev({0601})');
      pos++;
      expect(')');
      return { kind: 'ref', code: ref.code, prevYear: true };
    }
    if (isOp('-')) {
      pos++;
      return { kind: 'neg', arg: factor() };
    }
    if (isOp('(')) {
      pos++;
      const inner = expr();
      expect(')');
      return inner;
    }
    throw new FormulaError(`unexpected "${tok.v}"`);
  };
  const result = expr();
  if (pos < tokens.length) throw new FormulaError('unexpected text after the end of the formula');
  return result;
}

/** The indicators a formula reads, with whether it needs their previous-year values. */
export function formulaInputs(
  f: Formula,
  out = new Map<string, { current: boolean; prevYear: boolean }>(),
): Map<string, { current: boolean; prevYear: boolean }> {
  switch (f.kind) {
    case 'ref': {
      const e = out.get(f.code) ?? { current: false, prevYear: false };
      if (f.prevYear) e.prevYear = true;
      else e.current = true;
      out.set(f.code, e);
      break;
    }
    case 'neg':
      formulaInputs(f.arg, out);
      break;
    case 'bin':
      formulaInputs(f.left, out);
      formulaInputs(f.right, out);
      break;
  }
  return out;
}

/** Evaluates a formula; `lookup` gives an input's value or null when it is missing, and then so is the result. */
export function evaluate(f: Formula, lookup: (code: string, prevYear: boolean) => number | null): number | null {
  switch (f.kind) {
    case 'num':
      return f.value;
    case 'ref': {
      const v = lookup(f.code, f.prevYear);
      return v == null || !Number.isFinite(v) ? null : v;
    }
    case 'neg': {
      const v = evaluate(f.arg, lookup);
      return v == null ? null : -v;
    }
    case 'bin': {
      const a = evaluate(f.left, lookup);
      if (a == null) return null;
      const b = evaluate(f.right, lookup);
      if (b == null) return null;
      if (f.op === '/') return b === 0 ? null : a / b;
      return f.op === '+' ? a + b : f.op === '-' ? a - b : a * b;
    }
  }
}
