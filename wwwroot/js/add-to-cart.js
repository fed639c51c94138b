// Catalog pages come from a cache shared by every visitor, so their "Add to cart" forms carry no antiforgery token:
// on submit, fetch this visitor's token (which also sets the antiforgery cookie), add it to the form, then post.
document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.dataset.antiforgery !== 'fetch' || form.dataset.tokenAdded) return;
    event.preventDefault();
    try {
        const response = await fetch(form.dataset.tokenUrl, { credentials: 'same-origin', cache: 'no-store' });
        const token = await response.json();
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = token.fieldName;
        input.value = token.requestToken;
        form.append(input);
    } finally {
        // Without a token the server refuses the post with a message rather than changing anything.
        form.dataset.tokenAdded = 'true';
        form.submit();
    }
});
