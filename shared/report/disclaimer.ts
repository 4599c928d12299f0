/** The disclaimer every report carries until the adviser writes their own; a module of its own, so the language files can key on it without importing the document model. */
export const DEFAULT_DISCLAIMER =
  'This report shows how the holdings in one snapshot are exposed to investment themes, using the theme weights and exchange rates listed in it. It is not investment advice, a recommendation or an offer, and it does not measure risk or performance.';
