// Speakers are reusable records shared across sources: a suggested name ("said Andersen",
// "President Tokayev", "the CSTO") is matched to the record the researcher already made before
// a new one is offered. The database keeps one record per lower(name); this matches more loosely.

export interface SpeakerRecord {
  id: string;
  name: string;
  role: string | null;
  aliases: readonly string[];
}

export type SpeakerMatch = { speaker: SpeakerRecord; by: "name" | "alias" | "surname" | "acronym" };

/** Case, spacing, a leading "the" and curly apostrophes do not tell two names apart. */
export function normaliseSpeakerName(name: string): string {
  return name.normalize("NFC").replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim().replace(/^the /i, "").toLowerCase();
}

const lastWord = (name: string) => name.split(" ").pop() ?? name;
// "Collective Security Treaty Organization (CSTO)" is also "CSTO".
const acronymOf = (name: string) => /\(([^()\s]+)\)$/.exec(name)?.[1];

/** The record a name refers to: its name, an alias, the acronym in its name, or, for a single
 *  word, the one record whose name ends with it ("Andersen" → "Michael Andersen"). Null when
 *  nothing matches or a surname fits several records. Cost: one pass over the speakers. */
export function findSpeaker(speakers: readonly SpeakerRecord[], name: string): SpeakerMatch | null {
  const wanted = normaliseSpeakerName(name);
  if (!wanted) return null;
  const exact = speakers.find((s) => normaliseSpeakerName(s.name) === wanted);
  if (exact) return { speaker: exact, by: "name" };
  const alias = speakers.find((s) => s.aliases.some((a) => normaliseSpeakerName(a) === wanted));
  if (alias) return { speaker: alias, by: "alias" };
  const acronym = speakers.find((s) => acronymOf(normaliseSpeakerName(s.name)) === wanted);
  if (acronym) return { speaker: acronym, by: "acronym" };
  if (wanted.includes(" ")) return null;
  const bySurname = speakers.filter((s) => lastWord(normaliseSpeakerName(s.name)) === wanted);
  return bySurname.length === 1 ? { speaker: bySurname[0], by: "surname" } : null;
}
