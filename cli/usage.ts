/** The help text; the command shapes are the stable contract the README documents. */
export const USAGE = `Usage: themelens <command> [options]     (every command takes --db PATH)

  import FILE --portfolio NAME [--client NAME] [--base-currency USD] [--as-of YYYY-MM-DD] [--preset ID]
              [--map field=Header ...] [--encoding E] [--delimiter D] [--skip-invalid] [--allow-duplicate]
              [--decimal point|comma|auto] decimal separator (else the saved mapping's or the figures'; auto: the figures')
  tag SYMBOL THEME_ID [--weight 0..1]      weight defaults to 1
  untag SYMBOL [THEME_ID]
  fx CURRENCY RATE [--to BASE] [--as-of YYYY-MM-DD]
                                           1 CURRENCY = RATE BASE on that day (BASE: USD; date: today)
  fx import FILE [--base CUR]              dated rates: date,currency,rate[,base] rows, or a central
                                           bank's Date,USD,JPY,... table (1 base = cell; base EUR)
  fx list [CURRENCY]                       every stored rate, each pair's history newest first
  reprice FILE --portfolio NAME [--as-of YYYY-MM-DD]
                                           a new snapshot of the latest holdings at FILE's prices
                                           (symbol or ISIN, price, currency, date); unpriced ones listed as stale
  themes
  client set PORTFOLIO CLIENT | clients    the client (household) each portfolio belongs to
  portfolios
  exposure --portfolio NAME [--snapshot ID] [--format table|json] [--benchmark FUND]
                                           theme figures without positions (json: totalValue, cashValue, untaggedValue, themes[])
  scenario --portfolio NAME --shock THEME_ID=+/-P [--shock ...] [--snapshot ID] [--format table|json]
                                           what theme shocks do: each position moves by the sum of weight x shock
  targets --portfolio NAME | targets set THEME_ID SHARE [--band P] --portfolio NAME | targets remove THEME_ID --portfolio NAME
                                           a target share per theme (0.25 or 25%), band in percentage points (default 5); drift shown
  report --portfolio NAME --format json|csv|xlsx|html|pdf [--out FILE] [--snapshot ID]
         [--paper a4|letter] [--sections summary,charts,themes,accounts,currencies,overlap,positions,fx,changes,methodology,disclaimer]
         [--benchmark FUND] [--shock THEME_ID=+/-P ...] [--language en|ja]
                                           FUND: a fund imported for look-through, its theme shares beside the portfolio's;
                                           --shock adds a Scenario section; --language: the PDF and HTML
                                           report's language (the saved preference otherwise)
  report --all [--by-client] --format F --out DIR
                                           one file per portfolio, named "<client> - <portfolio>.<ext>";
                                           --by-client: one combined file per client, "<client>.<ext>"
  exposure, scenario, targets and report take --client NAME [--base-currency C] instead of --portfolio:
                                           the latest snapshot of each of the client's portfolios combined,
                                           in their shared base currency (or C)
  batch FILES... --out DIR [--format F] [--language en|ja]
                                           import each holdings file as its own portfolio and report on it (pdf by default)
  reports [--portfolio NAME]               reports written so far, with their fingerprints
  regenerate REPORT_ID --out FILE [--format F]   the same report again from its record, whatever changed since
  --replace (report, batch, regenerate, tags export): replace an existing file at the output path; without it
                                           only a file ThemeLens wrote there, unchanged since, is replaced
  preferences [--title T] [--adviser-name N] [--adviser-firm F] [--disclaimer TEXT] [--logo FILE.png | --no-logo] [--language en|ja]
  theme add NAME [--color #rrggbb] [--pack P] [--parent ID] | rename ID NAME | recolor ID #rrggbb | delete ID | restore-defaults
  tags export FILE [--format json|csv] | tags import FILE [--dry-run]
  history [SYMBOL] [--since YYYY-MM-DD]
  rules list | add KIND PATTERN THEME_ID [--weight W] [--priority N] [--dry-run] | delete ID | apply
  backup list | create | restore FILE      verified copies of the database (one is taken before every import)
  encrypt | decrypt                        encrypt the database (and its backups) with THEMELENS_DB_KEY, or decrypt it; a backup first
  fund import SYMBOL FILE                  an ETF issuer's holdings file, for look-through
  funds
  pack | pack import FILE [--dry-run]      the suggestion pack in use; a newer version, with what it adds, removes, re-weights
  demo [--remove]                          a sample household (three brokers, an ETF, tags from the pack) and its exposure
  suggestions [--held] [--format table|json] | suggestions accept|reject SYMBOL THEME_ID | suggestions accept|reject --all
  securities [--unresolved] | securities show SYMBOL|ISIN | securities link A B | securities unlink A B
  securities confirm ID [KEY] | securities reject ID
                                           the securities held, how each was identified, Needs review; tag and
                                           untag take an ISIN too

Fields for --map: account, symbol, isin, cusip, conid, description, securityType, quantity, price, value, currency.
The default database is the desktop app's own; THEMELENS_DATA_DIR or --db choose another.
An encrypted database needs its key in THEMELENS_DB_KEY; a key given for a plain database is refused.`;
