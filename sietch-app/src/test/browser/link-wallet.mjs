// Opens a /verify wallet-linking page in headless Chromium with a test wallet injected as the
// page's EIP-1193 provider (window.ethereum), clicks "Connect wallet and sign" when the page offers
// it, and prints what the page ended with as one JSON line.
//   node link-wallet.mjs <page url> <private key of the test wallet>
// CHROMIUM overrides the browser binary (default: Debian's /usr/bin/chromium).
import { chromium } from 'playwright-core';
import { Wallet, getBytes } from 'ethers';

const [url, key] = process.argv.slice(2);
if (!url || !key) {
  console.error('usage: node link-wallet.mjs <page url> <private key>');
  process.exit(2);
}
const wallet = new Wallet(key);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url() !== url) problems.push(response.status() + ' ' + response.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  // the signing happens here in Node, with the known key; the page sees an ordinary wallet
  await page.exposeFunction('__testWalletSign', async (hex) => wallet.signMessage(getBytes(hex)));
  await page.addInitScript((address) => {
    window.ethereum = {
      request: async ({ method, params }) => {
        if (method === 'eth_requestAccounts' || method === 'eth_accounts') return [address];
        if (method === 'personal_sign') {
          if (params[1].toLowerCase() !== address.toLowerCase()) throw new Error('unknown account');
          return window.__testWalletSign(params[0]);
        }
        throw Object.assign(new Error('unsupported method ' + method), { code: 4200 });
      },
    };
  }, wallet.address);
  const response = await page.goto(url);
  const offered = await page.isVisible('#connect');
  if (offered) {
    await page.click('#connect');
    await page.waitForFunction(() => ['done', 'error'].includes(document.getElementById('status').className),
      null, { timeout: 20000 });
  }
  console.log(JSON.stringify({
    httpStatus: response.status(),
    csp: response.headers()['content-security-policy'] || null,
    offered,
    state: await page.getAttribute('#status', 'class'),
    status: (await page.textContent('#status')).trim(),
    address: wallet.address,
    problems,
  }));
} finally {
  await browser.close();
}
