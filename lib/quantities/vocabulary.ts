// The words the figure scanner knows: qualifiers, number words, units and their families,
// labels and stop words. Data only (month names are chrono-node's, lib/quantities/dates.ts).

/** "almost" is just below the figure ("almost 10,000" is [9,000, 10,000)); "about" is either side. */
export type Qualifier = "more than" | "less than" | "about" | "almost" | "at least" | "at most" | "exactly";

// Longest phrases first so "no more than" wins over "more than".
export const QUALIFIER_PHRASES: Array<[string[], Qualifier]> = (
  [
    [["in", "excess", "of"], "more than"],
    [["upwards", "of"], "more than"],
    [["more", "than"], "more than"],
    [["over"], "more than"],
    [["above"], "more than"],
    // "more six million refugees" (001): a dropped "than"; "more" never otherwise precedes a number.
    [["more"], "more than"],
    [["no", "more", "than"], "at most"],
    [["not", "more", "than"], "at most"],
    [["a", "maximum", "of"], "at most"],
    [["up", "to"], "at most"],
    [["at", "most"], "at most"],
    [["no", "fewer", "than"], "at least"],
    [["no", "less", "than"], "at least"],
    [["not", "less", "than"], "at least"],
    [["a", "minimum", "of"], "at least"],
    [["at", "least"], "at least"],
    [["less", "than"], "less than"],
    [["fewer", "than"], "less than"],
    [["under"], "less than"],
    [["below"], "less than"],
    [["an", "estimated"], "about"],
    [["close", "to"], "about"],
    [["approximately"], "about"],
    [["approx"], "about"],
    [["roughly"], "about"],
    [["around"], "about"],
    [["about"], "about"],
    [["some"], "about"],
    [["nearly"], "almost"],
    [["almost"], "almost"],
    [["just", "under"], "almost"],
    [["just", "below"], "almost"],
    [["circa"], "about"],
    [["exactly"], "exactly"],
    [["precisely"], "exactly"],
  ] as Array<[string[], Qualifier]>
).sort((a, b) => b[0].length - a[0].length);

export const SMALL_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
export const SCALE_WORDS: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
};
// "dozens dead", "hundreds of deaths": an order of magnitude, read as at least two of the unit
// ("at least 24"), never with an upper bound, so it contradicts only a figure below that.
export const VAGUE_PLURALS: Record<string, number> = {
  dozens: 24, hundreds: 200, thousands: 2e3, millions: 2e6, billions: 2e9,
};
// Letters glued to digits: "$500m", "1.5bn", "10k".
export const COMPACT_SCALES: Record<string, number> = { k: 1e3, mn: 1e6, mln: 1e6, bn: 1e9, bln: 1e9 };
export const COMPACT_UNITS = new Set(["km", "kg", "cm", "mm", "mi", "ft", "t", "m"]);

export const CURRENCY_SIGNS: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP", "₽": "RUB" };

/**
 * A number right after one of these words is an identifier, not an amount: "Article 4 of the
 * charter" says nothing about how many of anything there are.
 */
export const LABEL_WORDS = new Set([
  "article", "art", "section", "sec", "chapter", "clause", "paragraph", "para", "part", "item",
  "point", "no", "number", "resolution", "protocol", "annex", "page", "p", "pp", "table", "figure",
  "fig", "rule", "amendment", "level", "phase", "stage", "round", "version", "volume", "vol",
]);

export const UNIT_FAMILIES: Record<string, string> = {};
function family(name: string, words: string[]): void {
  for (const w of words) UNIT_FAMILIES[w] = name;
}
family("troops", [
  "troop", "troops", "soldier", "soldiers", "personnel", "serviceman", "servicemen", "servicewoman",
  "servicewomen", "servicemember", "servicemembers", "paratrooper", "paratroopers", "peacekeeper",
  "peacekeepers", "trooper", "troopers", "military personnel",
]);
family("people", ["people", "person", "persons", "individual", "individuals"]);
family("percent", ["percent", "per cent", "%", "pct", "per-cent"]);
family("km", ["km", "kilometre", "kilometres", "kilometer", "kilometers"]);
family("kg", ["kg", "kilogram", "kilograms", "kilogramme", "kilogrammes"]);
family("year", ["year", "years", "yr", "yrs"]);
family("month", ["month", "months"]);
family("week", ["week", "weeks"]);
family("day", ["day", "days"]);
family("USD", ["usd", "$", "us$", "dollar", "dollars"]);
family("EUR", ["eur", "€", "euro", "euros"]);
family("GBP", ["gbp", "£"]);
family("RUB", ["rub", "₽", "rouble", "roubles", "ruble", "rubles"]);

// Words that count a named part of a larger quantity: "3,000 paratroopers" are troops, but only
// some of them, so they may be fewer than a figure for all troops and never more.
export const PART_OF: Record<string, { whole: string; name: string }> = {};
for (const w of ["paratrooper", "paratroopers"]) PART_OF[w] = { whole: "troops", name: "paratroopers" };
for (const w of ["marine", "marines"]) PART_OF[w] = { whole: "troops", name: "marines" };
for (const w of ["special forces", "commando", "commandos"]) PART_OF[w] = { whole: "troops", name: "special forces" };

// Nouns commonly counted in news text. Used to prefer a real noun over an adjective when guessing
// the unit, and to tell "2000 troops" (a count) from "in 2000 following..." (a year).
export const KNOWN_UNITS = new Set([
  ...Object.keys(UNIT_FAMILIES),
  "civilian", "civilians", "refugee", "refugees", "migrant", "migrants", "resident", "residents",
  "citizen", "citizens", "death", "deaths", "dead", "casualties", "victim", "victims", "protester",
  "protesters", "protestors", "militant", "militants", "fighter", "fighters", "member", "members",
  "country", "countries", "state", "states", "nation", "nations", "city", "cities", "region",
  "regions", "mile", "miles", "metre", "metres", "meter", "meters", "tonne", "tonnes", "ton", "tons",
  "hour", "hours", "minute", "minutes", "decade", "decades", "century", "centuries", "tank", "tanks",
  "vehicle", "vehicles", "aircraft", "plane", "planes", "helicopter", "helicopters", "jet", "jets",
  "base", "bases", "unit", "units", "battalion", "battalions", "brigade", "brigades", "officer",
  "officers", "police", "policemen", "officials", "arrests", "detainees", "hostages", "votes",
  "seats", "barrels",
]);

// Words that can sit between a number and its noun without being the noun.
export const UNIT_SKIP_WORDS = new Set([
  "new", "old", "other", "more", "additional", "extra", "further", "former", "foreign", "local",
  "military", "armed", "ethnic", "regular", "elite", "special", "active", "total", "combined",
  "separate", "different", "individual", "full", "whole", "entire", "major", "key", "main",
]);

// Function words end the search for a unit: "in 1992 following the collapse" has none.
export const STOP_WORDS = new Set([
  "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by",
  "with", "without", "as", "than", "that", "which", "who", "whom", "whose", "when", "where", "while",
  "after", "before", "since", "until", "till", "during", "into", "onto", "over", "under", "about",
  "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
  "will", "would", "shall", "should", "can", "could", "may", "might", "must", "it", "its", "it's",
  "this", "these", "those", "their", "his", "her", "our", "my", "your", "them", "they", "he", "she",
  "we", "you", "i", "not", "no", "so", "if", "then", "there", "here", "per", "each", "every",
  "all", "both", "later", "earlier", "ago", "ahead", "back", "more", "less", "most", "least",
]);

export const OF_DETERMINERS = new Set(["the", "its", "their", "his", "her", "our", "these", "those", "whom", "which"]);
