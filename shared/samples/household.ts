/**
 * "Try a sample household": a made-up client with three brokers' exports (a US brokerage in the
 * Fidelity layout, a European DEGIRO account in euros, a Japanese SBI NISA account in yen) and
 * one fictional data-center ETF with its issuer holdings file. The files are written out and read
 * by the same import code as any user's file; every name says "Sample" and the whole set goes in
 * one click (db/service/sample-handlers.ts). Holdings, prices and rates are invented for the demo.
 */

export const SAMPLE_CLIENT = 'Sample household';
/** Every sample portfolio's name starts with this. */
export const SAMPLE_PREFIX = 'Sample: ';
export const SAMPLE_AS_OF = '2026-11-24';

export interface SampleFile {
  portfolio: string;
  fileName: string;
  baseCurrency: string;
  text: string;
}

const FIDELITY_HEADER =
  "Account Number,Account Name,Symbol,Description,Quantity,Last Price,Last Price Change,Current Value,Today's Gain/Loss Dollar,Today's Gain/Loss Percent,Total Gain/Loss Dollar,Total Gain/Loss Percent,Percent Of Account,Cost Basis Total,Average Cost Basis,Type";

/** One Fidelity row: the columns the export has, the ones a demo does not need left empty. */
const fidelityRow = (account: string, name: string, symbol: string, description: string, quantity: string, price: string, value: string) =>
  [account, name, symbol, description, quantity, price, '', value, '', '', '', '', '', '', '', 'Cash', ''].join(',');

const FIDELITY = [
  FIDELITY_HEADER,
  fidelityRow('X90000001', 'Individual', 'SPAXX**', 'HELD IN MONEY MARKET', '', '', '"$2,500.00"'),
  fidelityRow('X90000001', 'Individual', 'NVDA', 'NVIDIA CORPORATION COM', '40', '$180.25', '"$7,210.00"'),
  fidelityRow('X90000001', 'Individual', 'EQIX', 'EQUINIX INC COM PAR $0.001', '8', '$812.33', '"$6,498.64"'),
  fidelityRow('X90000001', 'Individual', 'VRT', 'VERTIV HOLDINGS CO COM CL A', '50', '$123.46', '"$6,173.00"'),
  fidelityRow('X90000001', 'Individual', 'DCX', 'SAMPLE DATA CENTER ETF (FICTIONAL)', '100', '$31.40', '"$3,140.00"'),
  fidelityRow('Z90000002', 'ROTH IRA', 'KMI', 'KINDER MORGAN INC DEL COM', '200', '$27.11', '"$5,422.00"'),
  fidelityRow('Z90000002', 'ROTH IRA', 'EPD', 'ENTERPRISE PRODS PARTNERS L P COM UNIT', '150', '$31.20', '"$4,680.00"'),
  fidelityRow('Z90000002', 'ROTH IRA', 'COHR', 'COHERENT CORP COM', '30', '$95.50', '"$2,865.00"'),
  '',
  '"Sample data for ThemeLens: invented holdings, not a real account."',
  '"Date downloaded Nov-24-2026 4:05 p.m ET"',
  '',
].join('\n');

const DEGIRO = [
  'Product,Symbol/ISIN,Amount,Closing,Local value,,Value in EUR',
  'CASH & CASH FUND & FTX CASH (EUR),,,,EUR,"850,00","850,00"',
  'ASML HOLDING,NL0010273215,4,"612,40",EUR,"2449,60","2449,60"',
  'SIEMENS ENERGY AG,DE000ENER6Y0,30,"98,12",EUR,"2943,60","2943,60"',
  'ANGLO AMERICAN PLC,GB00B1XZS820,60,"24,50",GBP,"1470,00","1728,61"',
  'ENBRIDGE INC,CA29250N1050,50,"41,20",USD,"2060,00","1907,41"',
  '',
].join('\n');

const SBI = [
  'ポートフォリオ一覧',
  '"2026/11/24 15:30現在"',
  '',
  '"株式（現物/NISA預り（成長投資枠））"',
  '"銘柄（コード）","買付日","数量","取得単価","現在値","前日比","前日比（％）","損益","損益（％）","評価額"',
  '"9984 ソフトバンクグループ","----/--/--","100","8,000","9,512","+112","+1.19","+151,200","+18.90","951,200"',
  '"5802 住友電気工業","----/--/--","200","2,300","2,505","-15","-0.60","+41,000","+8.91","501,000"',
  '"8035 東京エレクトロン","----/--/--","10","22,000","24,435","+300","+1.24","+24,350","+11.07","244,350"',
  '"合計","","","","","","","+216,550","","1,696,550"',
  '',
  '"総合計","","","","","","","+216,550","","1,696,550"',
  '',
].join('\r\n');

export const SAMPLE_FILES: readonly SampleFile[] = [
  { portfolio: `${SAMPLE_PREFIX}US brokerage`, fileName: 'sample-us-brokerage.csv', baseCurrency: 'USD', text: FIDELITY },
  { portfolio: `${SAMPLE_PREFIX}DEGIRO (EUR)`, fileName: 'sample-degiro.csv', baseCurrency: 'EUR', text: DEGIRO },
  { portfolio: `${SAMPLE_PREFIX}SBI NISA (JPY)`, fileName: 'sample-sbi-nisa.csv', baseCurrency: 'JPY', text: SBI },
];

/** The fictional ETF held in the US account, and its issuer file in the iShares layout. */
export const SAMPLE_FUND = {
  symbol: 'DCX',
  fileName: 'sample-fund-dcx.csv',
  text: [
    'Sample Data Center ETF (fictional)',
    'Fund Holdings as of,"Nov 21, 2026"',
    ' ',
    'Ticker,Name,Sector,Asset Class,Market Value,Weight (%),Notional Value,Quantity,Price,Location,Exchange,Currency,FX Rate,Market Currency,Accrual Date',
    'EQIX,EQUINIX REIT INC,Real Estate,Equity,"1,234,567.00",25.00,"1,234,567.00","1,520.00",812.33,United States,NASDAQ,USD,1.00,USD,-',
    'DLR,DIGITAL REALTY TRUST REIT INC,Real Estate,Equity,"987,654.00",20.00,"987,654.00","5,800.00",170.28,United States,New York Stock Exchange Inc.,USD,1.00,USD,-',
    'VRT,VERTIV HOLDINGS CLASS A,Industrials,Equity,"740,740.00",15.00,"740,740.00","6,000.00",123.46,United States,New York Stock Exchange Inc.,USD,1.00,USD,-',
    'NVDA,NVIDIA CORP,Information Technology,Equity,"740,740.00",15.00,"740,740.00","4,100.00",180.67,United States,NASDAQ,USD,1.00,USD,-',
    'ANET,ARISTA NETWORKS INC,Information Technology,Equity,"617,283.00",12.50,"617,283.00","5,000.00",123.46,United States,New York Stock Exchange Inc.,USD,1.00,USD,-',
    'CSCO,CISCO SYSTEMS INC,Information Technology,Equity,"592,592.00",12.00,"592,592.00","10,000.00",59.26,United States,NASDAQ,USD,1.00,USD,-',
    'USD,USD CASH,Cash and/or Derivatives,Cash,"24,691.00",0.50,"24,691.00","24,691.00",100.00,United States,-,USD,1.00,USD,-',
    ' ',
    '"Sample data for ThemeLens: a fictional fund, not an issuer\'s file."',
    '',
  ].join('\n'),
};

/** Sample exchange rates for the sample date (invented, like the holdings): units of USD per unit. */
export const SAMPLE_FX: readonly { currency: string; quote: string; rate: string }[] = [
  { currency: 'EUR', quote: 'USD', rate: '1.08' },
  { currency: 'GBP', quote: 'USD', rate: '1.27' },
  { currency: 'JPY', quote: 'USD', rate: '0.0065' },
];
