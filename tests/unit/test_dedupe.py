"""Near-duplicate detection."""

from __future__ import annotations

from ingest.dedupe import containment, find_duplicates, shingles

PLAN = "到2025年,培育高端品牌三百个,品牌价值总额超过六千亿元,服务业顾客满意度达到百分之八十八以上。" * 3


def test_report_with_extra_chrome_is_a_duplicate():
    other = "某某网讯 记者报道。\n" + PLAN + "\n版权所有 联系我们"
    assert find_duplicates([("b.txt", other), ("a.txt", PLAN)]) == {"b.txt": "a.txt"}


def test_different_plans_are_not_duplicates():
    other = "到2030年,建成全国领先的现代物流体系,冷链物流网络覆盖全部县区,降低物流成本。" * 3
    assert find_duplicates([("a.txt", PLAN), ("b.txt", other)]) == {}


def test_many_copies_point_at_the_first():
    docs = [(f"{i:03d}.txt", PLAN) for i in range(50)]
    dup = find_duplicates(docs)
    assert len(dup) == 49 and set(dup.values()) == {"000.txt"}


def test_containment_is_symmetric_in_size():
    a, b = shingles(PLAN), shingles(PLAN + "附加段落内容很多很多很多很多")
    assert containment(a, b) == containment(b, a) == 1.0


def test_screened_pass_agrees_with_the_exact_containment():
    """The sampled screen of the pass never changes its answer on alike texts."""
    import random

    from ingest.dedupe import THRESHOLD, fingerprint

    rng = random.Random(3)
    stock = [f"推进第{i}项重点工作落实责任单位抓好实施确保取得实效" for i in range(400)]
    texts = []
    for i in range(60):
        keep = rng.sample(stock, rng.randint(120, 400))
        texts.append((f"{i:03d}.txt", "。".join(keep)))
    got = find_duplicates(texts)
    prints = [(name, fingerprint(text)) for name, text in texts]
    expected = {}
    originals: list[tuple[str, object]] = []
    for name, fp in prints:
        first = next((o for o, ofp in originals if containment(ofp, fp) >= THRESHOLD), None)
        if first is None:
            originals.append((name, fp))
        else:
            expected[name] = first
    assert got == expected and got
