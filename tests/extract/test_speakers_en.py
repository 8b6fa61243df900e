"""English speakers read from the subject's grammar (issue 16): written sentences, not the real copy."""
from __future__ import annotations

from datetime import datetime, timezone

from factcheck.extract import extract_claims

WHEN = datetime(2025, 11, 7, 10, tzinfo=timezone.utc)


def quotes(text: str) -> list:
    return [c for c in extract_claims(text, published=WHEN, lang="en") if c.kind == "quote"]


def test_a_spokesman_of_a_company_is_not_the_company():
    text = ("Northwind Shipping Corp said it would sell two of its tankers this year. "
            "The sale was first discussed in 2019, and the Northwind spokesman said the buyers had been chosen.")
    a, b = quotes(text)
    assert a.speaker == "Northwind Shipping Corp"
    assert b.speaker == "Northwind spokesman"


def test_the_government_of_a_president_is_the_government():
    (q,) = quotes("The government of President Carlos Mendes denied using force against the marchers.")
    assert q.speaker == "government of President Carlos Mendes"


def test_according_to_without_its_comma_still_names_the_source():
    (q,) = quotes("According to a witness at the scene the driver lost control of the truck on the bridge.")
    assert q.text.startswith("the driver lost control")
    assert q.speaker == "a witness at the scene"
    # words that hold a verb or a pronoun are no source phrase: no statement is better than a wrong one
    assert quotes("According to the count they were the last of more than 300 people to leave the town.") == []


def test_a_quote_then_said_and_a_role_before_a_name_is_that_person_not_the_previous_speaker():
    text = ('Minister John Reed said the plan was ready. '
            '"The plan will fail within a year," said analyst Alex Potter.')
    a, b = quotes(text)
    assert a.speaker == "John Reed"
    assert b.text.startswith("The plan will fail") and b.speaker == "Alex Potter"


def test_pointed_out_is_a_speech_verb():
    (q,) = quotes("Mayor Ana Ruiz pointed out that the bridge had been closed for two years. "
                  "He pointed a finger at the council.")
    assert q.text.startswith("the bridge had been closed") and q.speaker == "Ana Ruiz"


def test_comma_stripped_copy_the_speaker_is_the_noun_phrase_its_determiner_opens():
    # FA-KES-like copy: no comma between the claim and its speaker; the claim's last noun is not the speaker's
    a, b = quotes("The bridge was closed to lorries for the winter a local official told Radio Nord on Friday. "
                  "Two ferries were stopped at the harbour with tourists among the passengers the source said.")
    assert a.text.startswith("The bridge was closed") and a.speaker == "a local official"
    assert b.text.startswith("Two ferries were stopped") and b.speaker == "a local official"
    (q,) = quotes("The mayor left the town hall by a side door a Reuters journalist said.")
    assert q.text.startswith("The mayor left") and q.speaker == "Reuters journalist"


def test_comma_stripped_copy_a_sentence_ending_said_the_institution_is_its_statement():
    (q,) = quotes("Three new wells were dug near the village last month said the Water Authority.")
    assert q.text.startswith("Three new wells") and q.speaker == "Water Authority"
    (q,) = quotes("The harvest is expected to fall short of the target added the ministry.")
    assert q.text.startswith("The harvest is expected") and q.speaker == "ministry"
    # "said the decision ...": what follows the verb is its clause, not an inverted subject
    assert not [q for q in quotes("The new minister of finance said the decision was final.")
                if q.text.startswith("The new minister")]


def test_comma_stripped_copy_a_participle_phrase_after_he_added_is_no_clause_of_his():
    a, b = quotes("Minister John Reed said the plan was ready. The talks will resume next week once the "
                  "delegations return he added heading into a meeting with his counterpart Ana Ruiz.")
    assert b.text.startswith("The talks will resume") and b.speaker == "John Reed"


def test_said_then_a_role_and_a_name_ending_the_sentence_is_that_speaker_not_the_noun_before_the_verb():
    # comma-stripped copy: the noun just before "said" belongs to the claim
    (q,) = quotes("The shelling of the port is due to the fact that it supplies the Northern Front "
                  "said agency director Lena Hart.")
    assert q.speaker == "Lena Hart"
    assert q.text.startswith("The shelling of the port")


def test_a_quote_then_said_the_institution_is_the_institution_not_the_previous_speaker():
    text = ("Ten fishermen were missing on Monday, a rescue group said. "
            '"The boats left the harbour before the storm warning," said the Coastal Rescue Service.')
    a, b = quotes(text)
    assert b.speaker == "Coastal Rescue Service"


def test_a_quoted_fragment_inside_a_clause_before_its_speaker_makes_the_clause_the_statement():
    (q,) = quotes('The flood in the valley destroyed two bridges but did not cause "serious harm" '
                  "Regional Governor Maria Lopez said.")
    assert q.text.startswith("The flood in the valley destroyed two bridges")
    assert q.speaker == "Regional Governor Maria Lopez"


def test_quoted_as_saying_makes_the_one_quoted_the_speaker():
    (q,) = quotes("The state news agency quoted a police source on Tuesday as saying the border had been closed.")
    assert q.text.startswith("the border had been closed")
    assert q.speaker == "a police source"
    text = ("Finance Minister Omar Haddad met the bankers on Monday. Haddad was quoted by the daily Al-Nour as "
            'saying: "Nobody has asked us to reschedule the loans."')
    (q,) = quotes(text)
    assert q.text.startswith("Nobody has asked us")
    assert q.speaker == "Omar Haddad"


def test_a_name_then_its_apposition_without_commas_is_the_speaker_not_the_group_it_belongs_to():
    (q,) = quotes("Karim Nasser a member of the northern rebel command claimed that the bridge was mined.")
    assert q.speaker == "Karim Nasser"
    assert q.text.startswith("the bridge was mined")


def test_emphasized_is_a_speech_verb():
    (q,) = quotes("The envoy Helena Marsh emphasized that the talks would resume in the spring.")
    assert q.text.startswith("the talks would resume")


def test_a_passive_or_an_adjective_participle_is_no_statement():
    assert quotes("Six people were also reported killed in the shelling of the old market.") == []
    assert quotes("Details of the share issue will be announced by the finance ministry next week.") == []
    assert quotes("Orders rose 1.5 pct, revised up from a previously reported 0.9 pct rise.") == []


def test_he_after_a_statement_as_speaker_is_the_titled_person_named_since():
    text = ("The attack killed nine people, the ministry's statement said. Foreign Minister Adel Rahimi "
            "rejected the charge on Friday. Our forces never used such weapons against anyone he said.")
    a, b = quotes(text)
    assert a.speaker == "ministry's statement"
    assert b.speaker == "Adel Rahimi"


def test_an_ellipsis_inside_a_quote_does_not_cut_the_quote_from_its_speaker():
    text = ('"Besides the five killed on the ferry... 12 others died in the storm" the agency known as '
            "the Harbour Watch said.")
    (q,) = quotes(text)
    assert q.speaker == "Harbour Watch"


def test_said_then_adding_that_without_its_comma_is_two_statements_of_one_speaker():
    text = ("The ferry sank two miles off the coast the Harbour Watch said Sunday adding that "
            "the crew had been rescued by fishermen.")
    a, b = quotes(text)
    assert a.text.startswith("The ferry sank") and a.speaker == "Harbour Watch"
    assert b.text.startswith("the crew had been rescued") and b.speaker == "Harbour Watch"


def test_he_said_with_no_speaker_before_is_the_person_just_named():
    text = ('A fisherman named Yusuf watched the storm from the pier. '
            '"The waves were higher than the lighthouse" he said.')
    (q,) = quotes(text)
    assert q.speaker == "Yusuf"


def test_a_quote_of_several_sentences_is_the_speaker_named_after_it_not_the_one_before():
    text = ('"The road is closed," said Mayor Anna Berg. "The river rose in the night. We lost the bridge '
            'and two houses," a local farmer Tomas Lind said.')
    a, b = quotes(text)
    assert a.speaker == "Anna Berg"
    assert b.text.startswith("The river rose") and b.speaker == "Tomas Lind"


def test_the_minister_said_with_no_minister_named_is_the_person_who_spoke_last():
    text = ('Sheikh Omar bin Khalid denied the report on Monday. "This rumour has no basis at all," '
            'the minister said.')
    quoted = [q for q in quotes(text) if q.text.startswith("This rumour")]
    assert quoted and quoted[0].speaker == "Sheikh Omar bin Khalid"


def test_a_verb_of_going_on_or_a_participle_before_its_agent_is_no_statement():
    assert quotes("Army units on Sunday continued to launch raids on the villages near the river.") == []
    assert quotes("Images posted by the outlets showed burnt buses beside the road.") == []


def test_said_at_least_keeps_the_figure_in_the_claim():
    (q,) = quotes("The ministry said at least 26 people were killed in the blast.")
    assert q.text.startswith("at least 26 people")


def test_said_then_an_acronym_role_and_a_name_is_that_speaker():
    (q,) = quotes("The team will travel to the region as soon as possible said U.N. spokesman Ivo Marsh.")
    assert q.speaker == "Ivo Marsh"


def test_a_participle_phrase_after_the_subject_is_not_the_speaker():
    text = "A Madaya resident speaking from the bus garage inside Aleppo said people had waited since Friday."
    (q,) = quotes(text)
    assert q.speaker == "Madaya resident"


def test_a_conjunction_opening_the_clause_is_no_part_of_the_speaker():
    (q,) = quotes("But Karl Weber said the budget gap would close by the summer.")
    assert q.speaker == "Karl Weber"


def test_the_subject_of_an_object_relative_clause_is_its_speaker():
    (q,) = quotes("The convoy was hit on Monday which Western officials have said they blame on the militia.")
    assert q.speaker == "Western officials"


def test_and_inside_an_institutions_name_keeps_the_whole_name():
    (q,) = quotes("Exports will slow this year, the Council for Trade and Development said.")
    assert q.speaker == "Council for Trade and Development"


def test_as_previously_reported_is_no_speaker():
    assert quotes("As previously reported the mill has agreed to sell its port terminal to a rival.") == []


def test_a_coordinated_clause_after_a_comma_is_no_speaker_of_the_clause_before():
    text = ("The board lists only one company so far, but its turnover is strong, "
            "and other small firms have said they plan to seek listings soon.")
    qs = quotes(text)
    assert all(q.speaker != "and other small firms have" for q in qs)
    assert any(q.text.startswith("they plan to seek listings") for q in qs)


def test_officials_of_an_institution_are_the_speaker_not_the_institution():
    (q,) = quotes("Officials of major Dutch banks said they would watch the ministry's reply closely.")
    assert q.speaker == "Officials of major Dutch banks"


def test_a_leading_speaking_to_phrase_is_not_part_of_the_speaker():
    text = ("Governor Lina Haddad visited the port on Friday. Speaking to Syrian state TV Haddad said "
            "the harbour would reopen within a week.")
    qs = [q for q in quotes(text) if q.text.startswith("the harbour")]
    assert qs and qs[0].speaker == "Lina Haddad"


def test_an_adverb_of_time_before_the_verb_keeps_the_subject():
    text = ("The Harbour Council warned of delays at the port. "
            "The Regional Union earlier stressed that the strike would go on until the end of the month.")
    assert quotes(text)[-1].speaker == "Regional Union"
    (q,) = quotes("Nordic Steel today announced it would close two plants in the north by next summer.")
    assert q.speaker == "Nordic Steel"


def test_a_noun_with_its_place_is_the_speaker_not_the_place():
    (q,) = quotes("Activists in the district of Marwa in Tindal said that at least four houses were burnt down.")
    assert q.speaker == "Activists in the district of Marwa in Tindal"
    (q,) = quotes("A reporter in rebel-held northern Tindal said the bridge had been blown up overnight.")
    assert q.speaker == "A reporter in rebel-held northern Tindal"
    (q,) = quotes("A source at Tindal Countryside Police Command said that two shells hit the market.")
    assert q.speaker == "A source at Tindal Countryside Police Command"


def test_a_source_close_to_a_side_is_the_speaker_and_the_source_said_later_is_the_same():
    text = ('A source close to the negotiating team insisted that the deal was nearly done. '
            '"It would take ten days to sign," said the source.')
    a, b = quotes(text)
    assert a.speaker == b.speaker == "A source close to the negotiating team"


def test_a_name_opening_the_subject_before_its_noun_is_part_of_the_speaker():
    (q,) = quotes("Bank of Tindal officials said they expected rates to fall this spring.")
    assert q.speaker == "Bank of Tindal officials"
    (q,) = quotes("The Marwa Civil Defence workers who reached the site said the fire was out.")
    assert q.speaker == "Marwa Civil Defence workers"


def test_a_place_ending_the_claim_is_not_glued_to_the_speaker_after_it():
    # copy stripped of its commas: the place after the preposition is the claim's last word
    (q,) = quotes("The bridge was closed for repairs on the main road to Tindal security sources said.")
    assert q.speaker == "security sources"
    assert q.text.endswith("main road to Tindal")
    (q,) = quotes("A fire broke out in the old market of the town of Marwa local residents have reported.")
    assert q.speaker == "local residents"
    (q,) = quotes("The strike caused deaths but no big losses Homs Governor Talal Barazi said.")
    assert q.speaker == "Homs Governor Talal Barazi"


def test_a_short_mention_is_the_name_whose_head_it_is_not_a_later_phrase_holding_the_word():
    text = ("The Tindal Observatory for Human Rights said ten people died. "
            "The fighting killed 40 rebels according to an Observatory toll. "
            "The air force also killed at least 10 people east of the city Saturday the Observatory said.")
    assert quotes(text)[-1].speaker == "Tindal Observatory for Human Rights"


def test_a_quote_then_a_name_and_its_apposition_is_that_person():
    text = ('Market analysts said the tax would pass. '
            '"The reform is both impossible and irresponsible," Rei Tanaka, professor of politics at Kobe '
            'University, told Reuters. "It will pass in the summer," Tanaka said.')
    a, b, c = quotes(text)
    assert b.speaker == c.speaker == "Rei Tanaka"
    (q,) = quotes('"Prices will rise," Paul Hart, chief economist at Hart Securities Inc in New York, said.')
    assert q.speaker == "Paul Hart"
    text = ('Aid groups said the road was open. "We are sending a convoy today," Jens Larsen spokesman for the '
            'UN Office for the Coordination of Relief told Reuters.')
    assert quotes(text)[-1].speaker == "Jens Larsen"


def test_a_quote_then_said_and_an_indefinite_speaker_is_that_speaker_not_the_previous_one():
    text = ('Bank sources said the talks would be hard. '
            '"We are not keen on the rescheduling," said a senior official at a leading Tokyo bank. '
            '"The problem is the debt," said another Tokyo bank official. '
            'He said the bankers were unaware of the exposure. '
            '"Otherwise we will say no," the senior official said.')
    _, a, b, c, d = quotes(text)
    assert a.speaker == d.speaker == "a senior official at a leading Tokyo bank"
    assert b.speaker == c.speaker == "another Tokyo bank official"


def test_a_word_of_a_common_noun_phrase_is_not_that_phrase():
    text = ("Opposition officials and rescue workers said incendiary bombs were used. "
            "The opposition says such agreements are part of a strategy.")
    assert quotes(text)[-1].speaker == "opposition"


def test_a_nationality_before_an_institution_is_part_of_its_name():
    (q,) = quotes("The convoy was hit near the town which the Syrian Arab Red Crescent says killed a driver.")
    assert q.speaker == "Syrian Arab Red Crescent"
    (q,) = quotes("Reuters quoted the US State Department as saying that it was looking into the reports.")
    assert q.speaker == "US State Department"
    (q,) = quotes("French President Emmanuel Macron said the talks would resume.")
    assert q.speaker == "Emmanuel Macron"


def test_adjuncts_after_a_tail_speaker_are_not_the_claim():
    # copy stripped of its commas: what the speaker said is the clause before it
    (q,) = quotes("Rockets were preparing to hit the border near Marwa security sources said on Monday on the "
                  "condition of anonymity due to restrictions on speaking with the media.")
    assert q.text == "Rockets were preparing to hit the border near Marwa"
    assert q.speaker == "security sources"
    (q,) = quotes("Rebels were pushed from the town of Tel Hara reports say in a major offensive in the south.")
    assert q.text == "Rebels were pushed from the town of Tel Hara" and q.speaker == "reports"
    (q,) = quotes("The deals are causing demographic changes the residents say because those who leave are "
                  "mostly from one sect.")
    assert q.text == "The deals are causing demographic changes"
    # a clause after the verb is still what was said
    (q,) = quotes("In Damascus a police source said the army had closed the road.")
    assert q.text == "the army had closed the road"


def test_according_to_a_bare_plural_or_before_a_number_without_its_comma():
    (q,) = quotes("According to diplomats the inspectors are being assembled in Europe now.")
    assert q.speaker == "diplomats" and q.text.startswith("the inspectors are being assembled")
    (q,) = quotes("According to the military source two hideouts were destroyed in the raid.")
    assert q.speaker == "the military source" and q.text.startswith("two hideouts")


def test_an_adverb_opening_the_sentence_is_no_part_of_the_speaker():
    (q,) = quotes("Earlier state television had reported that the blast killed two people.")
    assert q.speaker == "state television"
    (q,) = quotes("Earlier a source at Tindal Police Command said that two shells hit the market.")
    assert q.speaker == "a source at Tindal Police Command"


def test_a_particle_inside_a_name_keeps_the_whole_name():
    (q,) = quotes("At the talks the UN envoy for Syria Staffan de Mistura emphasized that there is a lot of evidence.")
    assert "Staffan de Mistura" in q.speaker


def test_names_joined_by_and_are_the_subject_whole():
    text = ("LL and E Royalty Trust said the owner may start placing the revenues in escrow. "
            "The trust said the effect would be significant.")
    a, b = quotes(text)
    assert a.speaker == b.speaker == "LL and E Royalty Trust"


def test_a_title_and_name_before_a_comma_apposition_and_a_role_noun_alone():
    text = ("Senate leader Robert Dole, a key Reagan ally, told reporters the report disclosed big blunders. "
            "One Republican strategist said he believed Regan would leave.")
    a, b = quotes(text)
    assert "Robert Dole" in a.speaker
    assert b.speaker == "One Republican strategist"


def test_a_participle_after_a_possessive_or_other_does_not_cut_the_clause():
    (q,) = quotes("The SEC stressed in the complaint that it was not challenging Continental's reported net loss.")
    assert q.text.endswith("reported net loss")
    (q,) = quotes("Nesirky said Ban remains mindful of other reported incidents and the mission will go on.")
    assert q.text.endswith("the mission will go on")


def test_a_persons_title_after_a_place_is_a_subject():
    (q,) = quotes("Homs governor says U.S. attack caused deaths but no big losses")
    assert q.speaker == "Homs governor"
    text = "Governor Lina Haddad visited the port. The governor said the harbour would reopen within a week."
    assert quotes(text)[-1].speaker == "Lina Haddad"


def test_a_name_and_its_age_before_the_verb_is_the_speaker_and_he_is_that_person():
    text = ("The bus garage is small so there is not much space to move around Ahmed 24 said. "
            "We are sad and angry about what has happened he said.")
    a, b = quotes(text)
    assert a.speaker == b.speaker == "Ahmed"
    assert a.text.endswith("move around")


def test_a_group_including_a_person_and_a_name_with_its_apposition_after_said():
    text = ("The jobless rate will climb to 3.5 pct within a year, senior economists, including Kenji Mori of "
            "Tindal Bank, said. The service sector has absorbed many workers but the trend is starting to slow "
            "down, said Koichi Tanaka, deputy general manager of the bank's economics department.")
    a, b = quotes(text)
    assert a.speaker == "senior economists"
    assert b.speaker == "Koichi Tanaka" and b.text.endswith("starting to slow down")


def test_a_name_before_its_indefinite_apposition_with_commas_inside_is_the_speaker():
    (q,) = quotes("LONDON, March 2 - Bryson Oil and Gas Plc, a Belfast, Northern Ireland, oil company, said it "
                  "has acquired a stake in Cynergy Corp.")
    assert q.speaker == "Bryson Oil and Gas Plc"
    (q,) = quotes("WASHINGTON, March 2 - WEDGE Group Inc, a Houston investment firm with a 5.5 pct stake in "
                  "American Medical International Inc, said it has had talks with Pesch.")
    assert q.speaker == "WEDGE Group Inc"


def test_a_title_alone_heads_the_subject_as_a_minister_does():
    # "the Ohio senator said ..." was no statement at all: the subject nouns lacked the titles
    (q,) = quotes("The Ohio senator said the budget vote would slip to April.")
    assert q.text == "the budget vote would slip to April" and q.speaker == "Ohio senator"
    (q,) = quotes("The general said his troops had crossed the river.")
    assert q.text == "his troops had crossed the river" and q.speaker == "general"


def test_a_section_label_glued_to_the_subject_is_no_part_of_the_speaker():
    # SANA's copy stripped of its line breaks: "Hama A military source said ..." was "Hama A military source"
    (q,) = quotes("Hama A military source said that army units took full control of the two hills.")
    assert q.speaker == "A military source"
    (q,) = quotes("Central Bank of Ruritania officials said the rate would stay at 4 pct.")
    assert q.speaker == "Central Bank of Ruritania officials"


def test_an_outlet_whose_name_ends_in_day_keeps_it():
    # "Aleppo Today" was cut to "Aleppo" as if "Today" were a weekday between the subject and its verb
    (q,) = quotes("Harbour Today said the ferry would resume sailing after the storm.")
    assert q.speaker == "Harbour Today"
    (q,) = quotes("The port authorities on Friday said the ferry would resume sailing.")
    assert q.speaker == "port authorities"


def test_he_after_a_plural_speaker_is_the_person_who_spoke_before():
    text = ("Minister Karel Vos said the tariff would stay. He was thinking of Ruritania, which customs sources "
            "said was importing far less grain than last year because buyers were resisting the new rules. "
            "Because the port was charging too much, it had lost trade, he said.")
    got = {q.text: q.speaker for q in quotes(text)}
    assert got["was importing far less grain than last year because buyers were resisting the new rules"] == \
        "customs sources"
    assert got["Because the port was charging too much, it had lost trade"] == "Karel Vos"


def test_a_relative_pronoun_is_no_part_of_the_subject_after_it():
    # "a chemical attack that opposition groups say killed hundreds": the groups, not "attack that ..."
    text = "The envoy asked for talks on reports of a gas attack that opposition groups say killed 40 people."
    assert [q.speaker for q in quotes(text)] == ["opposition groups"]


def test_posted_before_its_object_or_another_verb_is_no_speech():
    text = ('The mayor said the bridge was safe. The group posted a video on its website that showed the cracks '
            'in the bridge. Footage posted showed cars crossing the bridge at night.')
    assert [q.text for q in quotes(text)] == ["the bridge was safe"]
    (q,) = quotes("The mayor posted on her Twitter account that the bridge would reopen on Monday.")
    assert q.text == "the bridge would reopen on Monday"


def test_a_name_in_angle_brackets_is_whole_brackets_and_all():
    # "<SHV (United Kingdom) Holding Co Ltd> said": the aside in brackets left "Holding Co Ltd"
    (q,) = quotes("LONDON, March 2 - <Borealis (Nordic) Trading Co Ltd> said it bought 12 pct of the shares.")
    assert q.speaker == "Borealis (Nordic) Trading Co Ltd"
    (q,) = quotes("<Harbour Glass Plc> yesterday said it sold its Leeds plant.")
    assert q.speaker == "Harbour Glass Plc"


def test_members_and_other_collective_subjects_head_the_subject():
    # "Committee members said ..." was no statement; "but members reported" was the previous speaker's
    (q,) = quotes("Committee members said the vote would be held on Monday.")
    assert q.speaker == "Committee members" and q.text == "the vote would be held on Monday"
    a, b = quotes("The institute said orders rose in May. Deliveries were slow, but members reported that "
                  "paper supplies were tight.")
    assert a.speaker == "institute" and b.speaker == "members"


def test_two_subjects_joined_by_and_are_the_speaker_together():
    # "Assads regime and Russia have accused ..." was "Russia", then the ministry of that name spoken before
    text = ("The Ruritanian Defence Ministry said a jet was lost. The government and its ally Borduria have accused the "
            "rebels of shooting it down. Army and police forces have both denied firing on the crowd that had "
            "gathered in the square.")
    got = [(q.speaker, q.text) for q in quotes(text)]
    assert got[1] == ("government and its ally Borduria", "the rebels of shooting it down")
    assert got[2] == ("Army and police forces", "firing on the crowd that had gathered in the square")


def test_it_after_a_person_is_the_institution_that_spoke_before():
    text = ("The Ruritanian Institute for Civil Rights [RICR] said the shelling hit a school. Local teacher Anna "
            "Kowalski told reporters that the pupils had been sent home. It says it counts the dead from "
            "hospital records and its own sources.")
    got = [(q.speaker, q.text) for q in quotes(text)]
    assert got[0] == ("Ruritanian Institute for Civil Rights", "the shelling hit a school")
    assert got[2] == ("Ruritanian Institute for Civil Rights",
                      "it counts the dead from hospital records and its own sources")
