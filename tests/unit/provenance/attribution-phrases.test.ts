import { describe, expect, it } from "vitest";
import { suggestAttribution } from "@/lib/provenance/attribution-phrases";
import { corpusSource, spanOf } from "../../helpers/provenance-corpus";

// Every attribution phrase found in the five corpus articles, with a claim's words near it.
// [file, claim words, expected first suggestion: speaker, role, type, origin hint, evidence phrase]
type Row = [string, string, string | null, string | undefined, string, string | undefined, string];
const CORPUS: Row[] = [
  ["001", "The CSTO's real purpose is less protecting the region", "Michael Andersen", "Danish journalist based in Kyiv", "REPORTED", "Michael Andersen", "according to Michael Andersen, a Danish journalist based in Kyiv"],
  ["001", "Moscow needs the CSTO to achieve its strategic geopolitical goals", "Andersen", undefined, "DIRECT_QUOTE", undefined, "said Andersen"],
  ["001", "the CSTO is largely just a tool for Moscow", null, "analysts", "ANONYMOUS", undefined, "analysts say"],
  ["001", "it was not necessary to rely on military aid", "Geneva Centre for Democratic Security Sector Governance (DCAF)", undefined, "DIRECT_QUOTE", undefined, "Geneva Centre for Democratic Security Sector Governance (DCAF) concluded"],
  ["001", "The mechanism of collective security", "Geneva Centre for Democratic Security Sector Governance (DCAF)", undefined, "DIRECT_QUOTE", undefined, "it said"],
  ["001", "Kyrgyzstan must be ready to meet the challenges", "Geneva Centre for Democratic Security Sector Governance (DCAF)", undefined, "DIRECT_QUOTE", undefined, "the study added"],
  ["001", "The violent crackdown could lead the Kazakh leadership", "Rafael Sattarov", "Uzbek political analyst", "REPORTED", "Rafael Sattarov", "according to Rafael Sattarov, an Uzbek political analyst"],
  ["001", "The Kremlin likely now will make several demands", "Sattarov", undefined, "PARAPHRASE", undefined, "Sattarov said"],
  ["001", "For the Kremlin, it's vital", "Sattarov", undefined, "DIRECT_QUOTE", undefined, "he said"],
  ["001", "Deploying a foreign military unit to Kazakhstan threatens Kazakh sovereignty", "Erica Marat", "professor at National Defence University in Washington", "PARAPHRASE", undefined, "said Erica Marat, a professor at National Defence University in Washington"],
  ["001", "The CSTO troops in Kazakh cities became a symbol", "Erica Marat", undefined, "DIRECT_QUOTE", undefined, "she said"],
  ["001", "Red Square parades have promoted the notion", "Dauren Ospanov", "retired officer of the Almaty provincial garrison", "PARAPHRASE", undefined, "said Dauren Ospanov, a retired officer of the Almaty provincial garrison"],
  ["001", "Real combat showed that this is nothing more than a myth", "Dauren Ospanov", undefined, "DIRECT_QUOTE", undefined, "he said"],
  ["001", "The Russian army has been utterly disgraced in Ukraine", "Andersen", "Kyiv-based Danish journalist", "PARAPHRASE", undefined, "said Andersen, the Kyiv-based Danish journalist"],
  // the speaker tag is in the next sentence of the quotation; "he" is the Andersen named just before
  ["001", "It's not a real army.", "Andersen", undefined, "DIRECT_QUOTE", undefined, "he said"],
  ["001", "Alas, if only it were true", "Ukazbek Bakirov", "one of Sultanbaev's Facebook followers", "DIRECT_QUOTE", undefined, "Ukazbek Bakirov, one of Sultanbaev's Facebook followers, commented"],
  ["001", "Finland officially announced its intention to join NATO", "Finland", undefined, "PARAPHRASE", undefined, "Finland officially announced"],
  ["001", "it backed membership", "Sweden's ruling party", undefined, "PARAPHRASE", undefined, "Sweden's ruling party said"],
  // a wire agency in a photo credit is an origin
  ["001", "Workers dismantle the Soviet monument", "AFP", "photo: Genya Savilov", "REPORTED", "AFP", "[Genya Savilov/AFP]"],
  ["001", "at the Edelweiss training area in Balykchi", "AFP", "photo: Vyacheslav Oseledko", "REPORTED", "AFP", "[Vyacheslav Oseledko/AFP]"],
  // a quotation whose speaker the text does not name by a phrase ("members … saying")
  ["001", "did not express any reaction to the armed conflict", null, undefined, "DIRECT_QUOTE", undefined, "\"did not express any reaction to the armed conflict on the Kyrgyz-Tajik border\""],
  // "he said" with nobody named in this paragraph or the two before: Osmonov is named without a verb
  ["001", "How can we react to this", null, undefined, "DIRECT_QUOTE", undefined, "he said"],
  ["000", "after Russia’s military invasion of Ukraine, the c", null, "experts", "ANONYMOUS", undefined, "According to experts"],
  ["000", "Dushanbe was safeguarding Moscow’s", "Rahmon", undefined, "PARAPHRASE", undefined, "Rahmon said"],
  ["000", "the criterion for the use of CSTO forces", "Dmitry Medvedev", undefined, "PARAPHRASE", undefined, "Dmitry Medvedev, speaking to journalists, stated"],
  ["000", "as long as there was no need for military assistance", "Dmitry Medvedev", undefined, "PARAPHRASE", undefined, "he said"],
  ["000", "his country would adhere to sanctions against Russia", "Tokayev", "President", "PARAPHRASE", undefined, "President Tokayev confirmed"],
  ["000", "Russia would once again become a «major player»", null, undefined, "PARAPHRASE", undefined, "he clearly stated"],
  ["003", "it was not authorized to do so", "CSTO", undefined, "PARAPHRASE", undefined, "The CSTO stated"],
  ["003", "the CSTO failed to condemn Turkey", "Russia", undefined, "REPORTED", "Russia", "according to Russia"],
  ["003", "not enough was being done by the CSTO", "Tajikistan", undefined, "PARAPHRASE", undefined, "Tajikistan declared"],
  ["003", "Russia was open to the idea of giving Azerbaijan special partner status", "Yury Borisov", "Russian Deputy Prime Minister", "PARAPHRASE", undefined, "Russian Deputy Prime Minister Yury Borisov also declared"],
  ["003", "helped stabilize", null, undefined, "DIRECT_QUOTE", undefined, "“helped stabilize”"],
];

describe("attribution phrases in the corpus", () => {
  it.each(CORPUS)("%s: %s", (file, words, speakerName, role, type, originHint, phrase) => {
    const { body } = corpusSource(file);
    const { start, end } = spanOf(body, words);
    const [first] = suggestAttribution(body, start, end);
    expect(first).toBeDefined();
    expect({ speakerName: first.speakerName, role: first.role, type: first.attributionType, originHint: first.originHint }).toEqual({ speakerName, role, type, originHint });
    expect(body.slice(first.evidence.start, first.evidence.end)).toBe(phrase);
  });

  it("offers both speakers of a sentence that names two, nearest first", () => {
    const { body } = corpusSource("001");
    const { start, end } = spanOf(body, "it backed membership");
    expect(suggestAttribution(body, start, end).map((s) => s.speakerName)).toEqual(["Sweden's ruling party", "Finland"]);
  });

  it("offers nothing for the author's own sentence", () => {
    const { body } = corpusSource("004");
    const { start, end } = spanOf(body, "a force of under 4000 personnel");
    expect(suggestAttribution(body, start, end)).toEqual([]);
  });
});

// Phrases the corpus does not contain, in sentences written in its style.
describe("attribution phrases the corpus lacks", () => {
  const cases: [string, string, string | null, string, string | undefined][] = [
    ["Kazakh officials said the last CSTO troops left on 19 January.", "the last CSTO troops left", null, "ANONYMOUS", undefined],
    ["Russia's defence ministry announced that 2,030 troops had arrived.", "2,030 troops had arrived", "Russia's defence ministry", "PARAPHRASE", undefined],
    ["Tokayev told parliament that the mission would end within two days.", "the mission would end", "Tokayev", "PARAPHRASE", undefined],
    ["Interfax reported that the contingent numbered 2,500.", "the contingent numbered 2,500", "Interfax", "REPORTED", undefined],
    ["The contingent numbered 2,500, according to the Russian Defence Ministry.", "The contingent numbered 2,500", "Russian Defence Ministry", "REPORTED", "Russian Defence Ministry"],
  ];
  it.each(cases)("%s", (body, words, speakerName, type, originHint) => {
    const { start, end } = spanOf(body, words);
    const [first] = suggestAttribution(body, start, end);
    expect({ speakerName: first.speakerName, type: first.attributionType, originHint: first.originHint }).toEqual({ speakerName, type, originHint });
  });
});
