/** A real receipt of the demo's bulletins register (GET /api/ledger/bulletins/receipts/…), signed by the demo key. */
export const REAL_RECEIPT = {
  format: 'kezek-ledger-receipt/1',
  log: 'bulletins',
  leaf: '{"at":"2026-02-23T13:00:00.000Z","commitment":"c5a0b3b08f157bc6edd00d057bd77d6f9ff92659ea6b60d0365cc4abd60c6338","entity":"2","event":"bulletin.published","format":"kezek-leaf/1","log":"bulletins","state":{"date":"2026-02-23","items":0,"itemsHash":"4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945","publishedAt":"2026-02-23T13:00:00.000Z","revoked":0,"revokedHash":"4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945","settlement":"751310000"},"version":1}',
  leafHash: 'e430bc0b235e3dec49c355083aff873cef6a6e148a9ece457c402cfcbc224960',
  index: 1,
  head: {
    logId: 'kezek/bulletins',
    treeSize: 6,
    rootHash: 'd387dcebd7b3a1b26b2a5f6ad5bd40de9d1f46a3fafba42b17e9f52ae1717f2b',
    timestamp: 1772427619548,
    signature:
      'cba24bd75f7fda938775c9474acc0f1202852d7b819dd10d32ef7e88007ccac14a1b346a3231d8be83d9f795ebac064052bccc6402eb4571494290daf595a50e',
    keyId: 'ea1577660080539147ae46ec6f9ad047d8fc47472d75f907dc5cb1894b44b06b',
  },
  proof: [
    'a26a330a4388ab2d90604dd2e3a9335575c481a3c6912c8e4f233aa1db0a3674',
    'abba1ce090256489bcbe0d79ad90eb69a15b6dc744aee8d6f8ca349f994834f9',
    'daf553fe78d5a6ce79379138afc5df63b773ad997567b011774631f20a4da468',
  ],
  publicKey: '13755c7afea4d01b0d0d092c0ceea06733d774b70c59a1aca7c9140b462b303e',
  qr: 'KZL1.eyJoIjoiNURDOEN5TmVQZXhKdzFVSU92LUhQTzlxYmhTS25zNUZmRUFzX0x3aVNXQSIsImkiOjEsImsiOiJFM1ZjZXY2azBCc05EUWtzRE82Z1p6UFhkTGNNV2FHc3A4a1VDMFlyTUQ0IiwibCI6ImJ1bGxldGlucyIsInAiOlsib21vekNrT0lxeTJRWUUzUzQ2a3pWWFhFZ2FQR2tTeU9UeU02b2RzS05uUSIsInE3b2M0SkFsWkltOHZnMTVyWkRyYWFGYmJjZEVydWpXLU1vMG41bElOUGsiLCIydlZUX25qVnBzNTVONUU0cjhYZlk3ZHpyWmwxWjdBUmQwWXg4Z3BOcEdnIl0sInMiOnsiZyI6Ink2SkwxMTlfMnBPSGRjbEhTc3dQRWdLRkxYdUJuZEVOTXU5LWlBQjh5c0ZLR3pScU1qSFl2b1BaOTVYcnJBWkFVcnpNWkFMclJYRkpRcERhOVpXbERnIiwibiI6NiwiciI6IjA0ZmM2OWV6b2JKcktsOXExYjFBM3AwZlJxUDYtNlFyRi1uMUt1RnhmeXMiLCJ0IjoxNzcyNDI3NjE5NTQ4fX0',
} as const;

/** The same register's head signed later (14 leaves) and the consistency proof from the receipt's head (6) to it. */
export const LATER_HEAD = {
  logId: 'kezek/bulletins',
  treeSize: 14,
  rootHash: '362f1247715f9f6520deda21e52f5328044365276e2fc7428cc3d3c85a2fb227',
  timestamp: 1772429294665,
  signature:
    'e0b6bc498d21dd05be8725bac738e0afd45cfe9dc147fbefd7a98918ca60417a5517094e4b3ae30ce9876f733433ea81b715ae29fe3ff5c454087339330ca306',
  keyId: 'ea1577660080539147ae46ec6f9ad047d8fc47472d75f907dc5cb1894b44b06b',
} as const;

export const CONSISTENCY_PROOF: readonly string[] = [
  'daf553fe78d5a6ce79379138afc5df63b773ad997567b011774631f20a4da468',
  'd7258d75f23e5f9f9bedaf2d244534cca140ab25ae59d577672c1f5d8e868ae4',
  '05651959160a738fe962740ae8d2ffe0eaabc04a4160a01645fadb544383da0b',
  '795aaec89f629bc060e8b3c02daca98b795b885bf74c9f0adb9c44f5e5ff2066',
];
