import { fillTemplate } from '../text/fill';
import type { ExposureWarning } from './model';

/**
 * What each exposure warning says, as a template of its figures. The backend fills it in English
 * (`message`, what the command line, CSV, XLSX and JSON carry) and keeps the figures (`params`), so
 * the app and a Japanese report can say it in their language: the English template is the key of
 * its translation (WARNING_JAPANESE). Figures are filled in as the English has them (1,234.56).
 */
export const WARNING_TEXT: Record<ExposureWarning['code'], string> = {
  MISSING_FX: 'No exchange rate from {{currency}} to {{base}}: the positions in {{currency}} are left out of the totals. Add a rate (themelens fx {{currency}} RATE --to {{base}}).',
  FX_NOT_AS_OF:
    'No {{currency}} rate on or before {{asOf}}: valued at the rate of {{rateDate}} ({{rate}}). Add the rate of that day (themelens fx {{currency}} RATE --to {{base}} --as-of {{asOf}}).',
  BROKER_RATE_DIFFERS:
    'The broker valued the {{currency}} positions at {{broker}} {{base}} ("{{column}}"); at {{rate}} (as of {{rateDate}}) they would be {{rated}} {{base}}, {{apart}}% apart. The figures here use the broker\'s values; check the rate, or the file.',
  TOTAL_MISMATCH:
    "{{file}} states a total of {{fileTotal}}, but its imported positions add up to {{rowsTotal}} (a difference of {{difference}}): the figures here are the positions'. Check the file for rows that were left out or misread.",
  SIGN_DIFFERS:
    '{{n}} positions of {{file}} have values whose sign is not that of quantity x price (the first on line {{line}}, {{label}}: {{quantity}} x {{price}}, value {{value}}). They are kept as the file gives them; if its value column is not the market value (a gain or loss, say), import it again with the right column mapped.',
  VALUE_COMPUTED:
    '{{n}} positions of {{file}} had no value in the file, so their values are quantity x price (the first on line {{line}}, {{label}}: {{quantity}} x {{price}} = {{value}}). That is not the value of a bond (priced per 100), an option (per share, 100 to a contract) or a fund priced per 10,000 units: check such values.',
  VALUE_DIFFERS:
    "{{n}} positions of {{file}} have values that are not quantity x price (the first on line {{line}}, {{label}}: {{quantity}} x {{price}}, value {{value}}), nor a bond's, an option's or a fund's convention of it (per 100, 100 or 1,000 to a contract, per 10,000 units). They are kept as the file gives them; check the file's cells (a misplaced separator, a column mapped wrong, a stale price).",
  VALUE_SUB_CENT:
    '{{n}} positions of {{file}} have values with digits finer than a cent (the first on line {{line}}, {{label}}: kept as {{value}}). Values are kept to the cent; if the cells are whole amounts written with a point for thousands (1.234 for 1,234), import the file again with a decimal comma.',
  LOOKS_LIKE_TOTAL:
    '{{n}} rows of {{file}} name no security and hold only a value, with a word of a total in their labels (the first on line {{line}}, {{label}}: {{value}}), but their values are not what the rows above them add up to. They are kept as positions; if they are totals or subtotals, delete the rows from the file and import it again.',
  REPEATED_ROWS:
    '{{n}} rows of {{file}} repeat earlier rows cell for cell (the first on line {{line}}, as line {{earlier}}). All are kept, so those positions count as often as the file lists them; if the file lists them twice by mistake, delete the repeats from the file and import it again.',
  AMOUNT_LIMIT:
    "Some totals in {{base}} are beyond 90,071,992,547,409.91, the largest amount kept exact to the cent: they are shown rounded. Check the holdings' amounts and exchange rates.",
  STALE_LOOK_THROUGH: 'The holdings of {{fund}} used for look-through are as of {{fundAsOf}}, more than 90 days before {{asOf}}; import a newer holdings file from the issuer.',
  UNRESOLVED_SECURITIES: '{{n}} positions could be more than one security and count as untagged until confirmed in Needs review (themelens securities --unresolved).',
  UNPARSED_CELL: '{{n}} rows of {{file}} were not imported because a cell could not be read.',
  KEPT_LAST_VALUE:
    '{{n}} positions ({{symbols}}) kept earlier values (as far back as {{fromAsOf}}): {{file}} has no usable price for them. The total mixes those values with prices of {{asOf}}. Add their prices to the file and revalue again (themelens reprice); a value that is not quantity x price (a bond quoted per 100, a contract with a multiplier) is never revalued.',
};

/** The warnings that count positions or rows, said of one (`n` is 1): "1 position has", not "1 positions have". */
export const WARNING_TEXT_ONE: Partial<Record<ExposureWarning['code'], string>> = {
  SIGN_DIFFERS:
    '1 position of {{file}} has a value whose sign is not that of quantity x price (line {{line}}, {{label}}: {{quantity}} x {{price}}, value {{value}}). It is kept as the file gives it; if its value column is not the market value (a gain or loss, say), import it again with the right column mapped.',
  VALUE_COMPUTED:
    '1 position of {{file}} had no value in the file, so its value is quantity x price (line {{line}}, {{label}}: {{quantity}} x {{price}} = {{value}}). That is not the value of a bond (priced per 100), an option (per share, 100 to a contract) or a fund priced per 10,000 units: check such values.',
  VALUE_DIFFERS:
    "1 position of {{file}} has a value that is not quantity x price (line {{line}}, {{label}}: {{quantity}} x {{price}}, value {{value}}), nor a bond's, an option's or a fund's convention of it (per 100, 100 or 1,000 to a contract, per 10,000 units). It is kept as the file gives it; check the file's cells (a misplaced separator, a column mapped wrong, a stale price).",
  VALUE_SUB_CENT:
    '1 position of {{file}} has a value with digits finer than a cent (line {{line}}, {{label}}: kept as {{value}}). A value is kept to the cent; if the cell is a whole amount written with a point for thousands (1.234 for 1,234), import the file again with a decimal comma.',
  LOOKS_LIKE_TOTAL:
    '1 row of {{file}} names no security and holds only a value, with a word of a total in its label (line {{line}}, {{label}}: {{value}}), but its value is not what the rows above it add up to. It is kept as a position; if it is a total or a subtotal, delete the row from the file and import it again.',
  REPEATED_ROWS:
    'Line {{line}} of {{file}} repeats line {{earlier}} cell for cell. Both rows are kept, so that position counts twice; if the file lists it twice by mistake, delete the repeat from the file and import it again.',
  UNRESOLVED_SECURITIES: '1 position could be more than one security and counts as untagged until confirmed in Needs review (themelens securities --unresolved).',
  UNPARSED_CELL: '1 row of {{file}} was not imported because a cell could not be read.',
  KEPT_LAST_VALUE:
    '{{symbols}} kept an earlier value (as far back as {{fromAsOf}}): {{file}} has no usable price for it. The total mixes that value with prices of {{asOf}}. Add its price to the file and revalue again (themelens reprice); a value that is not quantity x price (a bond quoted per 100, a contract with a multiplier) is never revalued.',
};

/**
 * The warnings that name a command to fix them, without it, for a reader who types none: the window
 * (a button beside opens the view that fixes it) and a report's pages (a client reads them). The
 * command line, CSV, XLSX and JSON keep the command (`message`).
 */
export const WARNING_TEXT_PLAIN: Partial<Record<ExposureWarning['code'], string>> = {
  MISSING_FX: 'No exchange rate from {{currency}} to {{base}}: the positions in {{currency}} are left out of the totals until a rate is added.',
  FX_NOT_AS_OF: 'No {{currency}} rate on or before {{asOf}}: valued at the rate of {{rateDate}} ({{rate}}) until the rate of that day is added.',
  UNRESOLVED_SECURITIES: '{{n}} positions could be more than one security and count as untagged until confirmed in Needs review.',
  KEPT_LAST_VALUE:
    '{{n}} positions ({{symbols}}) kept earlier values (as far back as {{fromAsOf}}): {{file}} has no usable price for them. The total mixes those values with prices of {{asOf}}. Add their prices to the file and update prices again; a value that is not quantity x price (a bond quoted per 100, a contract with a multiplier) is never revalued.',
};

/** The same, said of one position. */
export const WARNING_TEXT_PLAIN_ONE: Partial<Record<ExposureWarning['code'], string>> = {
  UNRESOLVED_SECURITIES: '1 position could be more than one security and counts as untagged until confirmed in Needs review.',
  KEPT_LAST_VALUE:
    '{{symbols}} kept an earlier value (as far back as {{fromAsOf}}): {{file}} has no usable price for it. The total mixes that value with prices of {{asOf}}. Add its price to the file and update prices again; a value that is not quantity x price (a bond quoted per 100, a contract with a multiplier) is never revalued.',
};

/**
 * The template a warning is said with: its one-position form where it has one and `n` is 1; with
 * `plain`, its form without a command where it has one.
 */
export function warningTemplate(code: ExposureWarning['code'], params: Readonly<Record<string, string>>, plain = false): string {
  const one = params['n'] === '1';
  const plainText = plain ? ((one ? WARNING_TEXT_PLAIN_ONE[code] : undefined) ?? WARNING_TEXT_PLAIN[code]) : undefined;
  return plainText ?? (one ? WARNING_TEXT_ONE[code] : undefined) ?? WARNING_TEXT[code];
}

/** Their Japanese (the app's dictionary and the report's both take it). */
export const WARNING_JAPANESE: Record<string, string> = {
  [WARNING_TEXT.MISSING_FX]: '{{currency}} から {{base}} への為替レートがないため、{{currency}} 建ての保有銘柄は合計から除かれています。レートを追加してください（themelens fx {{currency}} RATE --to {{base}}）。',
  [WARNING_TEXT.FX_NOT_AS_OF]:
    '{{asOf}} 以前の {{currency}} のレートがないため、{{rateDate}} のレート（{{rate}}）で評価しています。その日のレートを追加してください（themelens fx {{currency}} RATE --to {{base}} --as-of {{asOf}}）。',
  [WARNING_TEXT.BROKER_RATE_DIFFERS]:
    '証券会社は {{currency}} 建ての保有銘柄を {{broker}} {{base}}（「{{column}}」）と評価しています。{{rate}}（{{rateDate}} 時点）では {{rated}} {{base}} となり、{{apart}}% の差があります。ここでの数値は証券会社の評価額です。レートかファイルを確認してください。',
  [WARNING_TEXT.TOTAL_MISMATCH]:
    '{{file}} に記載の合計は {{fileTotal}} ですが、インポートした保有銘柄の合計は {{rowsTotal}} です（差額 {{difference}}）。ここでの数値は保有銘柄の合計です。除外された行や読み違えた行がないか、ファイルを確認してください。',
  [WARNING_TEXT.SIGN_DIFFERS]:
    '{{file}} の {{n}} 銘柄は、評価額の符号が「数量 × 価格」と逆です（最初は {{line}} 行目、{{label}}: {{quantity}} × {{price}}、評価額 {{value}}）。ファイルのとおりに取り込んでいます。評価額の列が時価評価額でない（損益など）場合は、正しい列を割り当ててもう一度インポートしてください。',
  [WARNING_TEXT.VALUE_COMPUTED]:
    '{{file}} の {{n}} 銘柄はファイルに評価額がないため、「数量 × 価格」を評価額としています（最初は {{line}} 行目、{{label}}: {{quantity}} × {{price}} = {{value}}）。債券（100 単位あたりの価格）、オプション（1 株あたりの価格、1 枚 100 株）、1 万口あたりの価格の投資信託では、これは評価額になりません。そうした評価額を確認してください。',
  [WARNING_TEXT.VALUE_DIFFERS]:
    "{{file}} の {{n}} 銘柄は、評価額が「数量 × 価格」と一致せず（最初は {{line}} 行目、{{label}}: {{quantity}} × {{price}}、評価額 {{value}}）、債券・オプション・投資信託の慣行（額面100あたり、1枚100または1,000単位、1万口あたり）でも説明できません。ファイルのとおりに取り込んでいます。ファイルのセルを確認してください（区切り記号の位置、列の割り当て、古い価格など）。",
  [WARNING_TEXT.VALUE_SUB_CENT]:
    '{{file}} の {{n}} 銘柄は、評価額に 1 セント未満の桁があります（最初は {{line}} 行目、{{label}}: {{value}} として取り込み）。評価額は 1 セント単位で保持します。桁区切りにピリオドを使った金額（1,234 を 1.234 と記載）であれば、小数点をカンマとしてもう一度インポートしてください。',
  [WARNING_TEXT.LOOKS_LIKE_TOTAL]:
    '{{file}} の {{n}} 行は銘柄を示さず評価額だけがあり、ラベルに合計を表す語があります（最初は {{line}} 行目、{{label}}: {{value}}）が、その評価額は上の行の合計と一致しません。保有銘柄として取り込んでいます。合計や小計の行であれば、ファイルから削除してもう一度インポートしてください。',
  [WARNING_TEXT.REPEATED_ROWS]:
    '{{file}} の {{n}} 行は、前にある行とすべてのセルが同じです（最初は {{line}} 行目で、{{earlier}} 行目と同じ）。すべて取り込んでいるため、それらの保有銘柄はファイルに記載された回数だけ数えられます。誤って重複している場合は、ファイルから重複した行を削除してもう一度インポートしてください。',
  [WARNING_TEXT.AMOUNT_LIMIT]:
    '{{base}} 建ての合計の一部が、1セント単位で正確に保てる上限 90,071,992,547,409.91 を超えているため、丸めて表示しています。保有銘柄の金額と為替レートを確認してください。',
  [WARNING_TEXT.STALE_LOOK_THROUGH]: 'ルックスルーに使っている {{fund}} の組入銘柄は {{fundAsOf}} 時点のもので、{{asOf}} より90日を超えて古くなっています。運用会社から新しい組入銘柄ファイルをインポートしてください。',
  [WARNING_TEXT.UNRESOLVED_SECURITIES]: '{{n}} 件の保有銘柄はどの証券か特定できないため、「要確認」で確定するまで未タグとして数えます（themelens securities --unresolved）。',
  [WARNING_TEXT.UNPARSED_CELL]: '{{file}} の {{n}} 行は、読み込めないセルがあったためインポートされていません。',
  // Japanese says one as it says several; the one-position forms name the line without "the first".
  [WARNING_TEXT_ONE.SIGN_DIFFERS as string]:
    '{{file}} の 1 銘柄は、評価額の符号が「数量 × 価格」と逆です（{{line}} 行目、{{label}}: {{quantity}} × {{price}}、評価額 {{value}}）。ファイルのとおりに取り込んでいます。評価額の列が時価評価額でない（損益など）場合は、正しい列を割り当ててもう一度インポートしてください。',
  [WARNING_TEXT_ONE.VALUE_COMPUTED as string]:
    '{{file}} の 1 銘柄はファイルに評価額がないため、「数量 × 価格」を評価額としています（{{line}} 行目、{{label}}: {{quantity}} × {{price}} = {{value}}）。債券（100 単位あたりの価格）、オプション（1 株あたりの価格、1 枚 100 株）、1 万口あたりの価格の投資信託では、これは評価額になりません。そうした評価額を確認してください。',
  [WARNING_TEXT_ONE.VALUE_DIFFERS as string]:
    "{{file}} の 1 銘柄は、評価額が「数量 × 価格」と一致せず（{{line}} 行目、{{label}}: {{quantity}} × {{price}}、評価額 {{value}}）、債券・オプション・投資信託の慣行（額面100あたり、1枚100または1,000単位、1万口あたり）でも説明できません。ファイルのとおりに取り込んでいます。ファイルのセルを確認してください（区切り記号の位置、列の割り当て、古い価格など）。",
  [WARNING_TEXT_ONE.VALUE_SUB_CENT as string]:
    '{{file}} の 1 銘柄は、評価額に 1 セント未満の桁があります（{{line}} 行目、{{label}}: {{value}} として取り込み）。評価額は 1 セント単位で保持します。桁区切りにピリオドを使った金額（1,234 を 1.234 と記載）であれば、小数点をカンマとしてもう一度インポートしてください。',
  [WARNING_TEXT_ONE.LOOKS_LIKE_TOTAL as string]:
    '{{file}} の 1 行は銘柄を示さず評価額だけがあり、ラベルに合計を表す語があります（{{line}} 行目、{{label}}: {{value}}）が、その評価額は上の行の合計と一致しません。保有銘柄として取り込んでいます。合計や小計の行であれば、ファイルから削除してもう一度インポートしてください。',
  [WARNING_TEXT_ONE.REPEATED_ROWS as string]:
    '{{file}} の {{line}} 行目は、{{earlier}} 行目とすべてのセルが同じです。両方の行を取り込んでいるため、この保有銘柄は 2 回数えられます。誤って重複している場合は、ファイルから重複した行を削除してもう一度インポートしてください。',
  [WARNING_TEXT_ONE.UNRESOLVED_SECURITIES as string]: '1 件の保有銘柄はどの証券か特定できないため、「要確認」で確定するまで未タグとして数えます（themelens securities --unresolved）。',
  [WARNING_TEXT_ONE.UNPARSED_CELL as string]: '{{file}} の 1 行は、読み込めないセルがあったためインポートされていません。',
  [WARNING_TEXT_PLAIN.MISSING_FX as string]: '{{currency}} から {{base}} への為替レートがないため、レートを追加するまで {{currency}} 建ての保有銘柄は合計から除かれます。',
  [WARNING_TEXT_PLAIN.FX_NOT_AS_OF as string]: '{{asOf}} 以前の {{currency}} のレートがないため、その日のレートを追加するまで {{rateDate}} のレート（{{rate}}）で評価します。',
  [WARNING_TEXT_PLAIN.UNRESOLVED_SECURITIES as string]: '{{n}} 件の保有銘柄はどの証券か特定できないため、「要確認」で確定するまで未タグとして数えます。',
  [WARNING_TEXT_PLAIN_ONE.UNRESOLVED_SECURITIES as string]: '1 件の保有銘柄はどの証券か特定できないため、「要確認」で確定するまで未タグとして数えます。',
  [WARNING_TEXT.KEPT_LAST_VALUE]:
    '{{n}} 件の保有銘柄（{{symbols}}）は以前の評価額のままです（古いものは {{fromAsOf}} 時点）。{{file}} に使える価格がないためです。合計にはそれらの評価額と {{asOf}} の価格が混在しています。ファイルに価格を追加して、もう一度評価し直してください（themelens reprice）。「数量 × 価格」でない評価額（100 単位あたりの債券、乗数のある契約）は評価し直されません。',
  [WARNING_TEXT_ONE.KEPT_LAST_VALUE as string]:
    '{{symbols}} は以前の評価額のままです（古ければ {{fromAsOf}} 時点）。{{file}} に使える価格がないためです。合計にはその評価額と {{asOf}} の価格が混在しています。ファイルに価格を追加して、もう一度評価し直してください（themelens reprice）。「数量 × 価格」でない評価額（100 単位あたりの債券、乗数のある契約）は評価し直されません。',
  [WARNING_TEXT_PLAIN.KEPT_LAST_VALUE as string]:
    '{{n}} 件の保有銘柄（{{symbols}}）は以前の評価額のままです（古いものは {{fromAsOf}} 時点）。{{file}} に使える価格がないためです。合計にはそれらの評価額と {{asOf}} の価格が混在しています。ファイルに価格を追加して、もう一度価格を更新してください。「数量 × 価格」でない評価額（100 単位あたりの債券、乗数のある契約）は評価し直されません。',
  [WARNING_TEXT_PLAIN_ONE.KEPT_LAST_VALUE as string]:
    '{{symbols}} は以前の評価額のままです（古ければ {{fromAsOf}} 時点）。{{file}} に使える価格がないためです。合計にはその評価額と {{asOf}} の価格が混在しています。ファイルに価格を追加して、もう一度価格を更新してください。「数量 × 価格」でない評価額（100 単位あたりの債券、乗数のある契約）は評価し直されません。',
};

/** A warning: its code, its English and its figures. */
export function exposureWarning(code: ExposureWarning['code'], params: Record<string, string>): ExposureWarning {
  return { code, message: fillTemplate(warningTemplate(code, params), params), params };
}

/** "Portfolio: text", the form of a warning on a client's combined report, in any language. */
const about = (portfolio: string, text: string) => `${portfolio}: ${text}`;

/** A portfolio's warning on its client's combined report: it names the portfolio first. */
export function warningOf(portfolio: string, w: ExposureWarning): ExposureWarning {
  return { ...w, message: about(portfolio, w.message), of: portfolio };
}

/**
 * A warning in another language: its template's translation filled with its figures, or its
 * English when it has no figures (saved before they were kept) or no translation. `of` (a client's
 * combined report) names the portfolio first. `plain`: without the command that fixes it.
 */
export function warningIn(w: ExposureWarning, translate: (english: string, params: Record<string, string>) => string, plain = false): string {
  if (!w.params) return w.message;
  const text = translate(warningTemplate(w.code, w.params, plain), w.params);
  return w.of ? about(w.of, text) : text;
}

/** As the JSON outputs print it: { code, message }, the documented schema. */
export const publicWarning = ({ code, message }: ExposureWarning): Pick<ExposureWarning, 'code' | 'message'> => ({ code, message });
