/**
 * A minimal JSON Schema (draft-07 subset) checker: just the keywords
 * `schemas/annotations.schema.json` uses, so the schema can be tested against
 * real sidecars without a validator dependency.
 */

type Schema = Record<string, unknown>;

/** Paths and reasons where `value` breaks `schema` (empty when it conforms). */
export function checkSchema(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const resolve = (s: Schema): Schema => {
    const ref = s['$ref'];
    if (typeof ref !== 'string') return s;
    const target = ref.replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (node as Schema)[key], root) as Schema;
    const { $ref: _ref, ...rest } = s;
    return { ...resolve(target), ...rest };
  };
  const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
  const visit = (raw: Schema, v: unknown, at: string): boolean => {
    const s = resolve(raw);
    const before = errors.length;
    const type = s['type'];
    if (typeof type === 'string') {
      const actual = typeOf(v);
      if (!(actual === type || (type === 'number' && actual === 'integer'))) errors.push(`${at}: expected ${type}, got ${actual}`);
    }
    if ('const' in s && v !== s['const']) errors.push(`${at}: expected ${JSON.stringify(s['const'])}`);
    if (Array.isArray(s['enum']) && !(s['enum'] as unknown[]).includes(v)) errors.push(`${at}: not one of ${JSON.stringify(s['enum'])}`);
    if (typeof v === 'string') {
      if (typeof s['minLength'] === 'number' && v.length < s['minLength']) errors.push(`${at}: shorter than ${s['minLength']}`);
      if (typeof s['pattern'] === 'string' && !new RegExp(s['pattern']).test(v)) errors.push(`${at}: does not match ${s['pattern']}`);
    }
    if (typeof v === 'number' && typeof s['minimum'] === 'number' && v < s['minimum']) errors.push(`${at}: below ${s['minimum']}`);
    if (Array.isArray(v) && s['items']) v.forEach((item, i) => visit(s['items'] as Schema, item, `${at}[${i}]`));
    if (typeOf(v) === 'object') {
      const obj = v as Record<string, unknown>;
      for (const key of (s['required'] as string[] | undefined) ?? []) if (!(key in obj)) errors.push(`${at}: missing ${key}`);
      const props = (s['properties'] as Record<string, Schema> | undefined) ?? {};
      for (const [key, sub] of Object.entries(props)) if (key in obj) visit(sub, obj[key], `${at}.${key}`);
      if (s['additionalProperties'] === false) for (const key of Object.keys(obj)) if (!(key in props)) errors.push(`${at}: unexpected ${key}`);
      if (s['if'] && s['then']) {
        const probe = errors.length;
        const matches = visit(s['if'] as Schema, v, at);
        errors.length = probe;
        if (matches) visit(s['then'] as Schema, v, at);
      }
    }
    return errors.length === before;
  };
  visit(root, value, '$');
  return errors;
}
