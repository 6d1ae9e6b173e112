/** Message templates: `{{name}}` placeholders filled from a finding's data, quoted as values. */

const MAX_VALUE = 80;

/** A value as a message shows it: JSON, cut short, without control characters. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'no value';
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  if (text.length > MAX_VALUE) text = text.slice(0, MAX_VALUE - 1) + '…';
  return text;
}

export function fillTemplate(template: string, data: Record<string, unknown>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    if (!(name in data)) return whole;
    const v = data[name];
    // {{value}} is data from the file: always shown as JSON, so "host" and host cannot be confused.
    return typeof v === 'string' && name !== 'value' ? v : showValue(v);
  });
}
