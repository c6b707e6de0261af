// The corpus articles and passages the anchoring tests find, move and lose.
import { corpus as read } from "./corpus";

export const ESSAY = read("000_dfd454984cb772b8.txt"); // guillemets «», curly apostrophes ’
export const CARAVANSERAI = read("001_368f92058b86ed85.txt"); // straight ASCII, reader comments
export const EVSTRATOV = read("002_98b48e446e185cb4.txt"); // indented lines, non-breaking spaces
export const COUNTERPUNCH = read("003_87eb5ab265d9726a.txt");
export const EURASIA = read("004_438cc6c4c90e1221.txt"); // one sentence printed twice

/** Offsets of a passage that must occur in the text exactly `nth` (0-based) time. */
export function spanOf(text: string, passage: string, nth = 0): [number, number] {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(passage, at + 1);
    if (at === -1) throw new Error(`passage not found (occurrence ${k}): ${passage}`);
  }
  return [at, at + passage.length];
}

export const PARATROOPERS =
  "Naturally, Russia took the lead in providing assistance, sending the largest number of servicemen, about 3,000 paratroopers.";
export const TROOPS_2000 =
  "Led by Russia, a CSTO mission of more than 2,000 troops was deployed after armed clashes between the government's foes and security forces and a looting spree trashed parts of the largest city, Almaty.";
export const RHETORIC =
  "Despite the rhetoric of the CSTO breathing its last, especially following the Ukraine war, it will be difficult for the Central Asian states to fully shake off the influence of the organisation.";
