/**
 * How a list of rates names a currency the broker valued in the base currency (its own column,
 * DEGIRO's "Value in EUR"): in the report's JSON, CSV and XLSX, and the command line, in English as
 * the contract has it. A report in another language says it in that language: it reads the column
 * back from the text (brokerColumnOf) rather than show the English.
 */
export function brokerValuedText(column: string): string {
  return `valued by the broker ("${column}")`;
}

/** The column a brokerValuedText names, or null for any other rate text ("1 EUR = 1.0845 USD"). */
export function brokerColumnOf(rate: string): string | null {
  const m = /^valued by the broker \("(.*)"\)$/s.exec(rate);
  return m ? (m[1] as string) : null;
}
