"""Data-driven tables for the small parsers: names, dates, venues, organizations, sections, entries."""
from __future__ import annotations

import pytest

from kg.extract.dates import parse_dates, parse_range
from kg.extract.lines import clean
from kg.extract.positions import parse_education_text, parse_job_text
from kg.extract.publications import clean_venue, entries_of, is_author_line, parse_entry, split_authors
from kg.extract.sections import classify, is_heading
from kg.names import NAME_TOO, compatible, display_name, looks_like_name, marks_of, name_key, parse_name
from kg.resolve.orgs import OrgTable, split_org
from kg.resolve.venues import VenueTable

# ---------------------------------------------------------------- names
SAME = [
    ("Luigi Di Stefano", "L. Di Stefano"), ("Luigi Di Stefano", "Di Stefano, L."), ("Luigi Di Stefano", "Luigi di Stefano"),
    ("Luigi Di Stefano", "DI STEFANO Luigi"), ("Sébastien Ourselin", "Sebastien Ourselin"), ("Sébastien Ourselin", "S. Ourselin"),
    ("Andrew Chi-Chih Yao", "Andrew C Yao"), ("Jingzhao Zhang", "JingZhao Zhang"), ("Jingzhao Zhang", "Jing Zhao Zhang"),
    ("Kirk E. Lohmueller", "Kirk E Lohmueller"), ("Kirk E. Lohmueller", "Kirk Lohmueller"), ("Jean-Paul Sartre", "J.-P. Sartre"),
    ("Roe, Jane A.", "Jane Roe"), ("Vincent van Gogh", "V. van Gogh"), ("Prof. Wei Hu", "Wei Hu"), ("ZHIWEI XU", "Zhiwei Xu"),
    ("Mario Giménez", "Mario Gimenez"), ("Roe JA", "Jane A. Roe"),
]
DIFFERENT = [
    ("Shuning Shang", "Shuting Shen"), ("Jingwei Li", "Jiazheng Li"), ("Huaqing Zhang", "Huishuai Zhang"),
    ("Huaqing Zhang", "Jingzhao Zhang"), ("Zhiwei Xu", "Jing Xu"), ("Jing Xu", "Chenren Xu"), ("Yixin Wang", "Yutong Wang"),
    ("Liwei Wang", "Zifan Wang"), ("J. Zhang", "K. Zhang"), ("Jing Xu", "Jingwei Xu"), ("Anna Schmidt", "Anne Schmidt"),
]


@pytest.mark.parametrize("a,b", SAME)
def test_compatible_forms(a, b):
    assert compatible(a, b) and compatible(b, a)


@pytest.mark.parametrize("a,b", DIFFERENT)
def test_incompatible_forms(a, b):
    assert not compatible(a, b)


@pytest.mark.parametrize("a,b", [("JingZhao Zhang", "Jing Zhao Zhang"), ("Luigi di Stefano", "DI STEFANO Luigi"),
                                 ("Sébastien Ourselin", "Sebastien OURSELIN"), ("Di Stefano, Luigi", "Luigi Di Stefano")])
def test_name_keys_agree(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("raw,family,given", [
    ("Di Stefano, L.", "di stefano", ("L",)), ("Vincent van Gogh", "van gogh", ("vincent",)),
    ("José María de la Cruz", "de la cruz", ("jose", "maria")), ("Hershey, Robert, Jr.", "hershey", ("robert",)),
    ("许靖", "xu", ("jing",)), ("Katheryn R.Kolesar", "kolesar", ("katheryn", "R")),
    ("VAN AN DANG", "dang", ("van", "an")), ("AN NGO", "ngo", ("an",)), ("J. A. ROE", "roe", ("J", "A")),
    ("Văn An Phạm", "pham", ("van", "an")),
])
def test_parse_name(raw, family, given):
    n = parse_name(raw)
    assert (n.family, n.given) == (family, given)


@pytest.mark.parametrize("raw,name,marks", [
    ("Yixin Wang[◦]", "Yixin Wang", ["◦"]), ("Roey Magen*", "Roey Magen", ["*"]), ("Ana Lee†‡", "Ana Lee", ["†", "‡"]),
    ("Bo Li#", "Bo Li", ["#"]), ("Mei Chen", "Mei Chen", []),
])
def test_marks(raw, name, marks):
    assert marks_of(raw) == (name, marks)


@pytest.mark.parametrize("s,ok", [("Zhiwei Xu", True), ("Roe, J. A.", True), ("Wencan", True), ("Kimi Team", False),
                                  ("International Conference on Machine Learning", False), ("Submitted, 2025", False),
                                  ("Curriculum Vitae", False), ("Journal of Biomedical Informatics", False),
                                  ("Sediment Resuspension under Combined Waves", False), ("Juan de la Cruz", True),
                                  ("Ludwig van der Berg", True), ("Flow Past Bluff Bodies Across Scales", False),
                                  ("Ali al-Farsi", True), ("Omar el-Sayed", True), ("Marco dell'Acqua", True),
                                  ("al-based methods", False), ("Ali al-farsi", False)])
def test_looks_like_name(s, ok):
    assert looks_like_name(s) is ok


@pytest.mark.parametrize("s,in_list,heading", [
    ("Văn An Phạm", True, True), ("Le Van An", True, True), ("Vo Van An", True, True), ("An Ngo", False, True),
    ("To Lan Anh", False, True), ("In Kyu Park", False, True), ("VAN AN DANG", False, True),
    ("An overview of rivers", False, False), ("to appear", False, False), ("In Press", False, False),
    ("Learning In Context", False, False), ("Ana Lee", True, True)])
def test_name_words_that_are_also_words(s, in_list, heading):
    """'An', 'To', 'In' are given or family names too: on a CV's name line they count as such; in an
    author list only after another capitalized word ("Le Van An"), as a title may open with them."""
    assert (looks_like_name(s), looks_like_name(s, NAME_TOO)) == (in_list, heading)


@pytest.mark.parametrize("raw,shown", [("ZHIWEI XU", "Zhiwei Xu"), ("Di Stefano, Luigi", "Luigi Di Stefano"),
                                       ("Jing Xu(许靖)", "Jing Xu"), ("**Ada Roe**", "Ada Roe"),
                                       ("VAN AN DANG", "Van An Dang"), ("MARIA DE LA CRUZ", "Maria de la Cruz")])
def test_display_name(raw, shown):
    assert display_name(raw) == shown


# ---------------------------------------------------------------- dates
@pytest.mark.parametrize("text,start,end,expected", [
    ("2021.9 – 2026.7 (expected)", "2021-09", "2026-07", True), ("May.2025 - Oct.2025", "2025-05", "2025-10", False),
    ("Aug - Nov.2024", "2024-08", "2024-11", False), ("2022 - present", "2022", None, False),
    ("09/2019 – 06/2021", "2019-09", "2021-06", False), ("Sept. 2018 to June 2020", "2018-09", "2020-06", False),
    ("Since 2019", "2019", None, False), ("Since June 2022", "2022-06", None, False), ("2019 - March 2022", "2019", "2022-03", False),
    ("Jan 2020 – Current", "2020-01", None, False), ("2015", None, "2015", False), ("Expected 2026", None, "2026", True),
    ("sept. 2019 – juin 2021", "2019-09", "2021-06", False),
])
def test_parse_range(text, start, end, expected):
    assert parse_range(text) == (start, end, expected)


@pytest.mark.parametrize("text,dates", [("Oct. 2019, 2020", ["2019-10", "2020-10"]), ("2022.9 & 2023.9", ["2022-09", "2023-09"]),
                                        ("July 2024", ["2024-07"]), ("2018", ["2018"])])
def test_parse_dates(text, dates):
    assert parse_dates(text) == dates


# ---------------------------------------------------------------- venues and organizations
VENUES = [
    ("NeurIPS 2023", "NeurIPS"), ("NIPS", "NeurIPS"), ("Advances in Neural Information Processing Systems 36", "NeurIPS"),
    ("Proc. of the 40th Int. Conf. on Machine Learning (ICML)", "ICML"), ("ICML 2024", "ICML"),
    ("The Thirty-seventh Annual Conference on Learning Theory (COLT 2024)", "COLT"), ("ICLR2024", "ICLR"),
    ("Journal of the Royal Statistical Society: Series B", "JRSS-B"), ("J. R. Stat. Soc. B", "JRSS-B"),
    ("arXiv preprint arXiv:2106.09685", "arXiv"), ("IEEE/CVF Conference on Computer Vision and Pattern Recognition", "CVPR"),
    ("Proceedings of the 2023 Conference on Empirical Methods in Natural Language Processing", "EMNLP"),
    ("Annals of Statistics", "AoS"), ("The Annals of Statistics", "AoS"), ("Journal of Machine Learning Research", "JMLR"),
    ("IEEE Transactions on Pattern Analysis and Machine Intelligence", "TPAMI"), ("Nature", "Nature"),
    ("Proceedings of the AAAI Conference on Artificial Intelligence", "AAAI"), ("MICCAI 2022", "MICCAI"),
    ("Robotics: Science and Systems", "RSS"), ("CoRL", "CoRL"),
]


@pytest.mark.parametrize("text,canonical", VENUES)
def test_venue_lookup(text, canonical):
    assert VenueTable.default().lookup(text)[0] == canonical


def test_unknown_venues_cluster_by_normalized_form():
    t = VenueTable.default()
    a = t.lookup("Journal of Obscure Widgets, 2021")
    b = t.lookup("Journal of Obscure Widgets")
    assert a[2] == b[2] and a[0] == "Journal of Obscure Widgets"
    assert t.lookup("Journal of Obscure Gadgets")[2] != a[2]


@pytest.mark.parametrize("text,canonical", [("PKU", "Peking University"), ("USTC", "University of Science and Technology of China"),
                                            ("UC Berkeley", "University of California, Berkeley"), ("KCL", "King's College London"),
                                            ("ETH Zürich", "ETH Zurich"), ("The University of Tokyo", "University of Tokyo"),
                                            ("Tsinghua", "Tsinghua University")])
def test_org_aliases(text, canonical):
    assert OrgTable.default().lookup(text)[0] == canonical


@pytest.mark.parametrize("text,expected", [
    ("Simons Institute, UC Berkeley", ("Simons Institute", None, "UC Berkeley")),
    ("Department of Statistics, Stanford University", ("Stanford University", "Department of Statistics", None)),
    ("Cubist Systematic Strategies, LLC", ("Cubist Systematic Strategies, LLC", None, None)),
    ("University of Michigan, Ann Arbor", ("University of Michigan", None, None)),
])
def test_split_org(text, expected):
    assert split_org(text) == expected


# ---------------------------------------------------------------- sections and lines
@pytest.mark.parametrize("heading,kind", [
    ("PUBLICATIONS AND PREPRINTS", "publications"), ("Selected Publications", "publications"), ("Working Papers", "publications"),
    ("Journal Articles", "publications"), ("EDUCATION", "education"), ("Formation", "education"),
    ("Professional Experience", "employment"), ("INDUSTRY EXPERIENCE", "employment"), ("Teaching Assistant Experiences", "teaching"),
    ("HONERS & AWARDS", "awards"), ("Honors and Awards", "awards"), ("SERVICES", "service"), ("Reviewing", "service"),
    ("Invited Talks", "talks"), ("Conference proceedings and Talks", "publications"), ("SKILLS", "skills"),
    ("RESEARCH INTERESTS", "other"),
])
def test_classify_heading(heading, kind):
    assert classify(heading) == kind


@pytest.mark.parametrize("line,heading", [("EDUCATION", True), ("## Publications", True), ("**Selected Awards**", True),
                                          ("Outstanding GSI (teaching) Award", False), ("Tsinghua University", False),
                                          ("- Teaching", False), ("Publications: 12 papers, 3 patents.", False)])
def test_is_heading(line, heading):
    assert is_heading(clean(line)) is heading


# ---------------------------------------------------------------- publication entries
def _entry(*lines):
    return [clean(t, i + 1) for i, t in enumerate(lines)]


@pytest.mark.parametrize("lines,title,authors,venue,year,status,et_al", [
    (("[4] Let Me Grok for You", "Zhiwei Xu*, Zhiyu Ni*, Yixin Wang[◦]", "International Conference on Learning Representations (**ICLR**) 2025"),
     "Let Me Grok for You", ["Zhiwei Xu", "Zhiyu Ni", "Yixin Wang"], "International Conference on Learning Representations (ICLR)", 2025, None, False),
    (("1. Kimi k2: Open agentic intelligence", "Kimi Team et al."), "Kimi k2: Open agentic intelligence", ["Kimi Team"], None, None, None, True),
    (("- [7] Terminal-Bench: A Benchmark", "Mike Merrill, et al.", "Submitted, 2025"), "Terminal-Bench: A Benchmark", ["Mike Merrill"], None, 2025, "submitted", True),
    (("2020", ": **Oligocene shallow subduction beneath the Puna**,", "_Tectonophysics_", "    Gianni, G. M; García, H; Pesce, A"),
     "Oligocene shallow subduction beneath the Puna", ["Gianni, G. M", "García, H", "Pesce, A"], "Tectonophysics", 2020, None, False),
    (("Sparse Widgets for Fast Gizmos", "Ada Roe, Bo Li and Cy Diaz", "Journal of Gizmo Research, 12(3), 45–67, 2021"),
     "Sparse Widgets for Fast Gizmos", ["Ada Roe", "Bo Li", "Cy Diaz"], "Journal of Gizmo Research", 2021, None, False),
    (("Deep Gizmos", "Ada Roe, Bo Li", "arXiv preprint arXiv:2301.00001, 2023"), "Deep Gizmos", ["Ada Roe", "Bo Li"], "arXiv preprint arXiv:2301.00001", 2023, "preprint", False),
    # a system's name before the colon is the title's, not a one-word author; "al-Farsi" is a name
    (("- [19] OmniNav: High-Dimensional Antibody Engineering in Human Tissues", "Duoying Zeng, Ali al-Farsi, Aditya Rao",
      "Nature Communications, 2024"), "OmniNav: High-Dimensional Antibody Engineering in Human Tissues",
     ["Duoying Zeng", "Ali al-Farsi", "Aditya Rao"], "Nature Communications", 2024, None, False),
    (("NanoPose: A Benchmark for Offline Manipulation.", "Z. Du*, N. Yan*, C. Lefebvre, and J. Johnson", "IJRR, 2024"),
     "NanoPose: A Benchmark for Offline Manipulation", ["Z. Du", "N. Yan", "C. Lefebvre", "J. Johnson"], "IJRR", 2024, None, False),
    # a solo paper: one name on the line between title and venue
    (("Towards Topological Hallucination Detection", "**L. Dominguez Diaz**", "NAACL 2012"),
     "Towards Topological Hallucination Detection", ["L. Dominguez Diaz"], "NAACL", 2012, None, False),
    (("Causal Transformers at Scale", "Thanh Huong Nguyen", "Journal of Gizmo Research, 2016"),
     "Causal Transformers at Scale", ["Thanh Huong Nguyen"], "Journal of Gizmo Research", 2016, None, False),
    (("Few-Shot Spatial Transcriptomics in Human Tissues", "Lea Le Goff", "Proceedings of the National Academy of Sciences, 2011"),
     "Few-Shot Spatial Transcriptomics in Human Tissues", ["Lea Le Goff"], "Proceedings of the National Academy of Sciences", 2011, None, False),
    (("[20] QuantFormer: Asynchronous two-layer networks", "Zhengzhe Pan, **Elizabeth O'Brien**", "AAAI-15"),
     "QuantFormer: Asynchronous two-layer networks", ["Zhengzhe Pan", "Elizabeth O'Brien"], "AAAI", 2015, None, False),
    (("Memory-Efficient Normalizing Flows at Scale", "Nabil Bou Saab, Le Van An", "ICML, 2019"),
     "Memory-Efficient Normalizing Flows at Scale", ["Nabil Bou Saab", "Le Van An"], "ICML", 2019, None, False),
])
def test_parse_multi_line_entry(lines, title, authors, venue, year, status, et_al):
    p = parse_entry(_entry(*lines), None, None)
    assert p.title == title
    assert [a.name for a in p.authors if a.rank] == authors
    assert (p.venue, p.year, p.status, p.et_al) == (venue, year, status, et_al)


def test_entries_back_to_back_end_at_a_two_digit_year():
    """Title / authors / venue lines with no blank line between entries: a venue line whose only year is
    "IJCAI-19" or "KDD '16" still closes its entry."""
    block = _entry("Benchmarking Transformers with Robust Scaling Laws", "Di Zhao, Xunxian Jiang, and Maja Lundberg",
                   "IJCAI-19", "Towards Equivariant Graph Networks", "Qiu Wei, Chengmo Ding, and Maja Lundberg",
                   "KDD '16", "Sparse Widgets for Gizmos", "Ann Lee, Maja Lundberg", "ICLR 2017")
    entries = entries_of(block)
    assert [e[0].text for e in entries] == ["Benchmarking Transformers with Robust Scaling Laws",
                                           "Towards Equivariant Graph Networks", "Sparse Widgets for Gizmos"]
    assert [parse_entry(e, None, None).year for e in entries] == [2019, 2016, 2017]


def test_entries_split_on_markers_and_blocks():
    marked = _entry("[2] A title", "Ann Lee, Bo Li", "ICML, 2020", "[1] B title", "Ann Lee", "NeurIPS, 2019")
    assert [len(e) for e in entries_of(marked)] == [3, 3]
    blocks = _entry("2020", ": **A long title here**,", "_Journal_", "", "    Lee, A; Li, B", "", "2019", ": **B title words**,")
    assert [e[0].text for e in entries_of(blocks)] == ["2020", "2019"]


@pytest.mark.parametrize("text,ok", [("Roey Magen*, Shuning Shang*, Zhiwei Xu", True), ("Kimi Team et al.", True),
                                     ("Pesce, A; Giménez, M; Bibiana, C", True), ("Neural Information Processing Systems (NeurIPS), 2025", False),
                                     ("Benign Overfitting in Single-Head Attention", False), ("Submitted, 2025", False),
                                     ("Ashley M. Hall", True), ("L. Dominguez Diaz", True), ("Part I. Theory of Gizmos", False),
                                     ("Towards J. Doe", False)])
def test_is_author_line(text, ok):
    assert is_author_line(text) is ok


@pytest.mark.parametrize("text,names,et_al", [
    ("Smith, J. A., Doe, B. and Roe, C.", ["Smith, J. A.", "Doe, B.", "Roe, C."], False),
    ("Ana Lee, Bo Li, and Cy Diaz", ["Ana Lee", "Bo Li", "Cy Diaz"], False),
    ("Lee A; Li B; Diaz C", ["Lee A", "Li B", "Diaz C"], False),
    ("Ziming Gan*, Doudou Zhou*, et al.", ["Ziming Gan", "Doudou Zhou"], True),
])
def test_split_authors(text, names, et_al):
    got, flag = split_authors(text)
    assert [n for n, _ in got] == names and flag is et_al


@pytest.mark.parametrize("raw,clean_", [("Revista Geológica 78 (2), 333-337", "Revista Geológica"), ("Nature 590:1–5", "Nature"),
                                        ("Physical Review B, vol. 12, pp. 1-9", "Physical Review B")])
def test_clean_venue(raw, clean_):
    assert clean_venue(raw) == clean_


# ---------------------------------------------------------------- positions
@pytest.mark.parametrize("text,org,degree,start,end,advisors", [
    ("Stanford University, Ph.D. in Statistics, 2015 - 2020 Advisor: Prof. Ali Khan", "Stanford University", "Ph.D. in Statistics", "2015", "2020", ["Ali Khan"]),
    ("Ph.D. in Computer Science, Carnegie Mellon University, 2018–2023", "Carnegie Mellon University", "Ph.D. in Computer Science", "2018", "2023", []),
    ("Peking University 2017.9 – 2021.7 B.S. in Artificial Intelligence ; Advisor: Liwei Wang", "Peking University", "B.S. in Artificial Intelligence", "2017-09", "2021-07", ["Liwei Wang"]),
    ("Universidad de Chile, Licenciatura en Física, 2010 – 2014, Supervisors: Ana Ruiz and Luis Soto", "Universidad de Chile", "Licenciatura en Física", "2010", "2014", ["Ana Ruiz", "Luis Soto"]),
])
def test_education_lines(text, org, degree, start, end, advisors):
    e = parse_education_text(text)
    assert (e.organization, e.degree, e.start, e.end, e.advisors) == (org, degree, start, end, advisors)


@pytest.mark.parametrize("text,org,role,hosts,visit", [
    ("Google Research Student Researcher Host: Hrayr Harutyunyan", "Google Research", "Student Researcher", ["Hrayr Harutyunyan"], False),
    ("Research Scientist, Google DeepMind, London, 2020 - present", "Google DeepMind", "Research Scientist", [], False),
    ("Microsoft Research, Visiting Researcher, Summer 2019 (Mentor: Dana Okafor)", "Microsoft Research", "Visiting Researcher", ["Dana Okafor"], True),
    ("Moonshot AI Machine Learning Intern", "Moonshot AI", "Machine Learning Intern", [], False),
])
def test_job_lines(text, org, role, hosts, visit):
    j = parse_job_text(text)
    assert (j.organization, j.role, j.hosts, j.visit) == (org, role, hosts, visit)


@pytest.mark.parametrize("line,note", [
    ("See publications.bib.", True), ("See my Google Scholar profile", True), ("Full list on Google Scholar.", True),
    ("A complete list is available at https://example.org/pubs", True), ("See also the full list at dblp", True),
    ("* denotes equal contribution", True),
    ("Seeing is believing: gizmos. A. Roe. 2020", False),
    ("Complete list of gizmos in urban parks. J. Roe. Gizmo Letters, 2020.", False),
    ("See, Hear, Feel: Multimodal Gizmos. A. Roe, B. Li. CHI 2021.", False),
])
def test_notes_and_pointers_are_not_entries(line, note):
    from kg.extract.publications import NOTE_RE
    assert bool(NOTE_RE.match(line)) is note
