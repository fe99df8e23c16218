/** A translation function as i18next gives it (the server passes its own over the same resources: `translator`). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The title of a verification item: its section and what identifies the entry. */
export function itemTitle(section: string, entry: unknown, t: Translate): string {
  const name = t(`sa.sections.${section}`, { defaultValue: section });
  const e = (entry ?? {}) as { type?: string; number?: string; segment?: string };
  if (section === 'regulations') return `${name}: ${t(`sa.regulationTypes.${e.type ?? ''}`, { defaultValue: e.type ?? '' })} ${e.number ?? ''}`.trim();
  if (section === 'agreements') return `${name}: ${t(`sa.agreementTypes.${e.type ?? ''}`, { defaultValue: e.type ?? '' })} ${e.number ?? ''}`.trim();
  if (section === 'programs') return `${name}: ${t(`sa.segments.${e.segment ?? ''}`, { defaultValue: e.segment ?? '' })}`;
  if (section === 'enforcement') return `${name}: ${t(`facts.enforcementTypes.${e.type ?? ''}`, { defaultValue: e.type ?? '' })}`;
  return name;
}

/**
 * A plain translation function over a resource object (the web app uses
 * i18next; documents drawn on the server use this): a dotted key, `{{name}}`
 * placeholders, and `defaultValue` when the key is missing.
 */
export function translator(resources: object): Translate {
  return (key, options = {}) => {
    let node: unknown = resources;
    for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    if (typeof node !== 'string') return typeof options.defaultValue === 'string' ? options.defaultValue : key;
    return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      const value = options[name];
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    });
  };
}
