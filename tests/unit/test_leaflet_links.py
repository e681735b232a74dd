"""Links inside a PDF leaflet (leaflets.absolute_links), one link per case: what a PDF can keep stays,
a link to another page of the site becomes its public address, and without one it is plain text."""

from __future__ import annotations

import pytest

from sitegen.postbuild import leaflets

PAGE = "https://warga.example.org/situs/prosedur/m-paspor/"


@pytest.mark.parametrize(("page_address", "link", "expected"), [
    # Web, phone and e-mail addresses stay as written.
    (PAGE, '<a href="https://kp2mi.go.id/">KP2MI</a>', '<a href="https://kp2mi.go.id/">KP2MI</a>'),
    (PAGE, '<a href="tel:129">129</a>', '<a href="tel:129">129</a>'),
    (PAGE, "<a href='mailto:a@b.org'>surel</a>", "<a href='mailto:a@b.org'>surel</a>"),
    # Another page of the site: its public address, other attributes kept on both sides.
    (PAGE, '<a href="../biaya-paspor/#tarif">tarif</a>',
     '<a href="https://warga.example.org/situs/prosedur/biaya-paspor/#tarif">tarif</a>'),
    (PAGE, '<a class="x" href="../../en/" title="t">English</a>',
     '<a class="x" href="https://warga.example.org/situs/en/" title="t">English</a>'),
    (PAGE, "<a href='dokumen/'>dokumen</a>", '<a href="https://warga.example.org/situs/prosedur/m-paspor/dokumen/">dokumen</a>'),
    (PAGE, '<a href="../a/?q=1&amp;r=2">q</a>', '<a href="https://warga.example.org/situs/prosedur/a/?q=1&amp;r=2">q</a>'),
    # A jump to a part of the leaflet stays; to a part it lacks, plain text.
    (PAGE, '<a href="#langkah">langkah</a>', '<a href="#langkah">langkah</a>'),
    (PAGE, '<a href="#tidak-ada">hilang</a>', "hilang"),
    # No href: left as it is.
    (PAGE, '<a id="anchor">jangkar</a>', '<a id="anchor">jangkar</a>'),
    # Without a public address, a link to another page of the site is plain text.
    (None, '<a href="../biaya-paspor/">biaya <b>paspor</b></a>', "biaya <b>paspor</b>"),
    (None, '<a href="#tidak-ada">hilang</a>', "hilang"),
    (None, '<a href="https://kp2mi.go.id/">KP2MI</a>', '<a href="https://kp2mi.go.id/">KP2MI</a>'),
    (None, '<a href="#langkah">langkah</a>', '<a href="#langkah">langkah</a>'),
])
def test_one_link(page_address, link, expected):
    body = f'<p>{link}</p><h2 id="langkah">Langkah</h2>'
    assert leaflets.absolute_links(body, page_address) == f'<p>{expected}</p><h2 id="langkah">Langkah</h2>'


def test_several_links_in_one_body_each_get_their_own_answer():
    body = '<a href="a/">A</a> <a href="https://x.org/">X</a> <a href="#b">B</a><p id="b"></p>'
    assert leaflets.absolute_links(body, PAGE) == (
        '<a href="https://warga.example.org/situs/prosedur/m-paspor/a/">A</a> <a href="https://x.org/">X</a> '
        '<a href="#b">B</a><p id="b"></p>')
