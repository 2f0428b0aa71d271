// Copy buttons for values shown once (a client secret, an initial access token): the button names
// the element to copy in data-copy. The value is selected, so it can be copied by hand when the
// clipboard is not available (no secure context, permission refused), and the result is announced.
document.querySelectorAll('button[data-copy]').forEach(button => {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const source = document.getElementById(button.dataset.copy);
    const status = document.getElementById(button.dataset.status);
    const range = document.createRange();
    range.selectNodeContents(source);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try {
      await navigator.clipboard.writeText(source.textContent.trim());
      status.textContent = 'Copied to the clipboard.';
    } catch (e) {
      status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    }
  });
});
