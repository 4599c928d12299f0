/** The methodology section in plain words, with the report's own base currency. */
export function methodologyParagraphs(baseCurrency: string): string[] {
  return [
    `Every position is valued in ${baseCurrency}: its market value from the broker's file (or quantity times price where the file has no value), converted with the exchange rates listed in this report. A position in a currency with no rate is left out of the totals and named in a warning; it is never converted at 1.`,
    'Each holding can be tagged with one or more themes, each with a weight: the share of that holding that rides on the theme (50% means half of its value counts). Weights of one holding add up to at most 100%.',
    `A position's contribution to a theme is its value times the weight, rounded to the cent. A theme's exposure is the sum of those contributions; a theme with sub-themes includes theirs. Short positions have negative values: net exposure is long plus short, gross is long plus the size of the short.`,
    'Shares are of the total value of the portfolio, cash included. Untagged is the total less every tagged contribution, so themes and untagged add up to the total.',
    'The fingerprint on the cover identifies the inputs of this report: the snapshot and the hash of its file, the theme weights and the exchange rates. The same fingerprint means the same inputs and the same figures.',
  ];
}
