/** Lower case, accents folded, so "geïnd" and "geind" match the same cue. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function words(folded: string): string[] {
  return folded.match(/\p{L}+/gu) ?? [];
}

/** A cue is a regular expression over folded text, anchored at word starts; weights say how telling it is. */
export interface Cue {
  pattern: RegExp;
  weight: number;
  label: string;
}

export function cue(source: string, weight = 1, label?: string): Cue {
  return { pattern: new RegExp(`(?:^|[^\\p{L}])(?:${source})`, 'u'), weight, label: label ?? source.split('|')[0]!.replace(/[\\()?+*[\]]/g, '') };
}

export function matchCues(folded: string, cues: Cue[]): Cue[] {
  return cues.filter((c) => c.pattern.test(folded));
}
