// Every figure and every date the five corpus articles state, with the interval each is read as.
//
// Hand check, 2 December 2026: each of data/corpus/*.txt was grepped for digits, number words
// (one…twenty, hundred, thousand, million, dozen(s), hundreds, several, once, twice, couple, half,
// first/second/third, decade, century) and month names (full and abbreviated), and every hit was
// compared line by line with FIGURES, DATES and DAYS_WITHOUT_YEAR below: the raw words, the
// interval and what is counted. Decisions taken on the way:
// - "more six million refugees" (001) is a typo for "more than six million": (6,000,000, ∞) is right.
// - "17" and "1500 / 1500" (001) are the page's comment counter and character limit, kept as bare
//   numbers (counted "null"): they count nothing a claim compares, so they never conflict.
// - "early 2022" (000), "early 2019" (003), "the winter of 2022" (002): read as the whole year.
//   "early" names no boundary a reader agrees on; a narrower period would state more than the text,
//   and the year still meets "January 2022", so no contradiction is invented.
// - "since 2006" (000): the year the membership began, read as that year, not as 2006 to today.
// - "dozens", "hundreds" are read as at least two of them ([24, ∞), [200, ∞)), never with an upper
//   bound. "hundreds" of "Islamic Movement of Uzbekistan (IMU) militants" (001) counts nothing the
//   unit guess can reach past the name; it stays a bare number.
// Left out on purpose, each no value of a claim:
// - ordinals and names: "First/Second Chechen War", "Second World War", "first summit", "its third
//   month", "21st-century", "C5+1", "Rubezh-2021", "Interaction 2022", "Regional Cooperation-2022",
//   "Article 4", "COVID-19"-style codes.
// - compounds that describe, not count: "centuries-old", "half-dead", "half-hearted".
// - "one of …", "no one", "one member" (a pronoun), "several …" (no magnitude a reader could place),
//   "once again", "once part of", "more than once", "exactly once" (001: "deployed a unit exactly
//   once"; a frequency whose counted thing the sentence only implies), "a couple of [Russian]
//   provinces" (a reader's comment, with an editor's bracket inside the phrase), "in just a month".
// - months and days without a year that only the source's date can place: "in February", "in April",
//   "the end of April" (001), "mid-September of this year" (002), "in January" (001, 003), "last
//   January" (001). Their year comes from the source's date in the claim-date suggestion
//   (lib/provenance/claim-date.ts), never from the day the code runs. Days with a month and no year
//   are listed in DAYS_WITHOUT_YEAR (ISO "--MM-DD"): figures compare them with days only.
import { describe, expect, it } from "vitest";
import { dateIntervals } from "@/lib/quantities/date-intervals";
import { countedThing, formatInterval, quantityInterval } from "@/lib/quantities/intervals";
import { extractDates, extractQuantities } from "@/lib/quantities/scan";
import { read } from "../../helpers/quantities-corpus";

// [as written, interval, counted]
const FIGURES: Record<string, Array<[string, string, string]>> = {
  "000_dfd454984cb772b8.txt": [
    ["nine states", "9", "state"],
    ["five years", "5", "year"],
    ["five-year", "5", "year"],
    ["six states", "6", "state"],
    ["two cities", "2", "city"],
    ["hundreds of deaths", "[200, ∞)", "death"],
    ["about 3,000 paratroopers", "[2,700, 3,300]", "troops/paratroopers"],
    ["three weeks", "3", "week"],
    ["80 years", "80", "year"],
    ["two weeks", "2", "week"],
  ],
  "001_368f92058b86ed85.txt": [
    ["hundreds of Ukrainian civilians", "[200, ∞)", "civilian"],
    ["more six million refugees", "(6,000,000, ∞)", "refugee"],
    ["two traditionally Nordic countries", "2", "country"],
    ["200 km", "200", "km"],
    ["200 km", "200", "km"],
    ["two neighbours", "2", "neighbour"],
    ["two countries", "2", "country"],
    ["more than 75 years", "(75, ∞)", "year"],
    ["two centuries", "2", "century"],
    ["10 years", "10", "year"],
    ["20 years", "20", "year"],
    ["hundreds", "[200, ∞)", "null"],
    ["two months", "2", "month"],
    ["two countries", "2", "country"],
    ["more than 2,000 troops", "(2,000, ∞)", "troops"],
    ["dozens dead", "[24, ∞)", "dead"],
    ["almost 10,000 people", "[9,000, 10,000)", "people"],
    ["17", "17", "null"],
    ["1500", "1,500", "null"],
    ["1500", "1,500", "null"],
    ["two ushanka-hats", "2", "ushanka-hat"],
    ["three tubeteikas", "3", "tubeteika"],
    ["zero sense", "0", "sense"],
    ["three days", "3", "day"],
  ],
  "002_98b48e446e185cb4.txt": [
    ["six post-Soviet states", "6", "state"],
    ["$500 million", "500,000,000", "USD"],
    ["four new regions", "4", "region"],
  ],
  "003_87eb5ab265d9726a.txt": [
    ["2,500 of its troops", "2,500", "troops"],
    ["two years", "2", "year"],
    ["three of the nine members", "3", "member"],
    ["nine members", "9", "member"],
    ["two of the CSTO members", "2", "member"],
    ["dozens of its soldiers", "[24, ∞)", "troops"],
    ["two-decade", "2", "decade"],
  ],
  "004_438cc6c4c90e1221.txt": [
    ["five years", "5", "year"],
    ["five years", "5", "year"],
    ["under 4000 personnel", "[0, 4,000)", "troops"],
    ["four-day", "4", "day"],
    ["two warring states", "2", "state"],
  ],
};

// [as written, first day, last day, precision]
const DATES: Record<string, Array<[string, string, string, string]>> = {
  "000_dfd454984cb772b8.txt": [
    ["May 15, 1992", "1992-05-15", "1992-05-15", "day"],
    ["In 1993", "1993-01-01", "1993-12-31", "year"],
    ["April 20, 1994", "1994-04-20", "1994-04-20", "day"],
    ["April 1999", "1999-04-01", "1999-04-30", "month"],
    ["May 14, 2002", "2002-05-14", "2002-05-14", "day"],
    ["October 2002", "2002-10-01", "2002-10-31", "month"],
    ["September 2003", "2003-09-01", "2003-09-30", "month"],
    ["December 2004", "2004-12-01", "2004-12-31", "month"],
    ["August 2008", "2008-08-01", "2008-08-31", "month"],
    ["February 10, 2007", "2007-02-10", "2007-02-10", "day"],
    ["August 2008", "2008-08-01", "2008-08-31", "month"],
    ["February 2009", "2009-02-01", "2009-02-28", "month"],
    ["In 2010", "2010-01-01", "2010-12-31", "year"],
    ["in 2012", "2012-01-01", "2012-12-31", "year"],
    ["since 2006", "2006-01-01", "2006-12-31", "year"],
    ["2010", "2010-01-01", "2010-12-31", "year"],
    ["in 2009", "2009-01-01", "2009-12-31", "year"],
    ["October 2020", "2020-10-01", "2020-10-31", "month"],
    ["September 2022", "2022-09-01", "2022-09-30", "month"],
    ["early 2022", "2022-01-01", "2022-12-31", "year"],
    ["February 24, 2022", "2022-02-24", "2022-02-24", "day"],
    ["October 14, 2022", "2022-10-14", "2022-10-14", "day"],
  ],
  "001_368f92058b86ed85.txt": [
    ["September 9, 2021", "2021-09-09", "2021-09-09", "day"],
    ["September 9, 2021", "2021-09-09", "2021-09-09", "day"],
    ["in 1999", "1999-01-01", "1999-12-31", "year"],
    ["2010", "2010-01-01", "2010-12-31", "year"],
    ["and 2021", "2021-01-01", "2021-12-31", "year"],
    ["in 1992", "1992-01-01", "1992-12-31", "year"],
    ["In 2009", "2009-01-01", "2009-12-31", "year"],
    ["in 1993", "1993-01-01", "1993-12-31", "year"],
    ["in 1999", "1999-01-01", "1999-12-31", "year"],
    ["in 2012", "2012-01-01", "2012-12-31", "year"],
    ["in 1999", "1999-01-01", "1999-12-31", "year"],
    ["2014", "2014-01-01", "2014-12-31", "year"],
    ["in 2010", "2010-01-01", "2010-12-31", "year"],
    ["April 2021", "2021-04-01", "2021-04-30", "month"],
    ["May 2021", "2021-05-01", "2021-05-31", "month"],
    ["in 2002", "2002-01-01", "2002-12-31", "year"],
    ["in 2020", "2020-01-01", "2020-12-31", "year"],
  ],
  "002_98b48e446e185cb4.txt": [
    ["of 2022", "2022-01-01", "2022-12-31", "year"],
  ],
  "003_87eb5ab265d9726a.txt": [
    ["January 2022", "2022-01-01", "2022-01-31", "month"],
    ["in 1992", "1992-01-01", "1992-12-31", "year"],
    ["in 1994", "1994-01-01", "1994-12-31", "year"],
    ["in 1999", "1999-01-01", "1999-12-31", "year"],
    ["in 2009", "2009-01-01", "2009-12-31", "year"],
    ["in 2010", "2010-01-01", "2010-12-31", "year"],
    ["in 2015", "2015-01-01", "2015-12-31", "year"],
    ["In 2021", "2021-01-01", "2021-12-31", "year"],
    ["In 2020", "2020-01-01", "2020-12-31", "year"],
    ["in 2020", "2020-01-01", "2020-12-31", "year"],
    ["in 2021", "2021-01-01", "2021-12-31", "year"],
    ["early 2019", "2019-01-01", "2019-12-31", "year"],
    ["In 2011", "2011-01-01", "2011-12-31", "year"],
    ["in 2006", "2006-01-01", "2006-12-31", "year"],
    ["in 2012", "2012-01-01", "2012-12-31", "year"],
    ["In 2019", "2019-01-01", "2019-12-31", "year"],
    ["in 2021", "2021-01-01", "2021-12-31", "year"],
    ["In 2019", "2019-01-01", "2019-12-31", "year"],
  ],
  "004_438cc6c4c90e1221.txt": [
    ["to 1992", "1992-01-01", "1992-12-31", "year"],
    ["in 1995", "1995-01-01", "1995-12-31", "year"],
    ["on 2 April 1999", "1999-04-02", "1999-04-02", "day"],
    ["in 2003", "2003-01-01", "2003-12-31", "year"],
    ["October 2002", "2002-10-01", "2002-10-31", "month"],
    ["in 2022", "2022-01-01", "2022-12-31", "year"],
    ["September 2022", "2022-09-01", "2022-09-30", "month"],
  ],
};

// [as written, ISO day without a year]: photo captions and "on Monday (May 16)" name no year.
const DAYS_WITHOUT_YEAR: Record<string, Array<[string, string]>> = {
  "000_dfd454984cb772b8.txt": [["September 19", "--09-19"]],
  "001_368f92058b86ed85.txt": [
    ["April 26", "--04-26"],
    ["April 26", "--04-26"],
    ["January 6", "--01-06"],
    ["January 6", "--01-06"],
    ["May 16", "--05-16"],
    ["May 9", "--05-09"],
  ],
  "002_98b48e446e185cb4.txt": [],
  "003_87eb5ab265d9726a.txt": [],
  "004_438cc6c4c90e1221.txt": [],
};

describe("the corpus, figure by figure", () => {
  it.each(Object.keys(FIGURES))("%s", (file) => {
    const read_ = extractQuantities(read(file)).map((q) => {
      const c = countedThing(q.unit);
      return [q.raw, formatInterval(quantityInterval(q)), `${c.quantity}${c.part ? `/${c.part}` : ""}`];
    });
    expect(read_).toEqual(FIGURES[file]);
  });
});

describe("the corpus, date by date", () => {
  it.each(Object.keys(DATES))("%s", (file) => {
    expect(dateIntervals(read(file)).map((d) => [d.text, d.start, d.end, d.precision])).toEqual(DATES[file]);
  });
});

describe("the corpus, days without a year", () => {
  it.each(Object.keys(DAYS_WITHOUT_YEAR))("%s", (file) => {
    const days = extractDates(read(file)).filter((d) => d.iso.startsWith("--")).map((d) => [d.raw, d.iso]);
    expect(days).toEqual(DAYS_WITHOUT_YEAR[file]);
  });
});
