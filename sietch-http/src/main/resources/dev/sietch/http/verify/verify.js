'use strict';
// The wallet-linking page: asks the browser's EIP-1193 wallet for its address, fetches the EIP-4361
// message for this challenge, asks the wallet to sign it (personal_sign) and sends the signature.
(() => {
  const nonce = location.pathname.split('/').filter(Boolean).pop();
  const api = '../api/verify/' + encodeURIComponent(nonce);
  const status = document.getElementById('status');
  const button = document.getElementById('connect');

  const show = (text, state) => {
    status.textContent = text;
    status.className = state;
  };

  const utf8Hex = (text) => '0x' + Array.from(new TextEncoder().encode(text),
    (b) => b.toString(16).padStart(2, '0')).join('');

  const call = async (url, options) => {
    const response = await fetch(url, options);
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(body.error || ('The server answered ' + response.status + '.'));
    }
    return body;
  };

  const link = async () => {
    if (!window.ethereum || typeof window.ethereum.request !== 'function') {
      show('No Ethereum wallet was found in this browser. Open this page in a browser with a wallet '
        + 'extension, or in your wallet app\'s browser.', 'error');
      return;
    }
    button.disabled = true;
    try {
      show('Waiting for your wallet…', 'pending');
      const [address] = await window.ethereum.request({ method: 'eth_requestAccounts' });
      if (!address) {
        throw new Error('The wallet shared no account.');
      }
      const { message } = await call(api + '/message?address=' + encodeURIComponent(address));
      show('Sign the message in your wallet…', 'pending');
      const signature = await window.ethereum.request({ method: 'personal_sign', params: [utf8Hex(message), address] });
      const result = await call(api, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ address, signature }),
      });
      show('Linked ' + result.wallet + ' to your Discord account. You can close this page.', 'done');
      button.hidden = true;
    } catch (error) {
      show((error && error.message) || String(error), 'error');
      button.disabled = false;
    }
  };

  button.addEventListener('click', link);
})();
