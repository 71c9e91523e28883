"""Coding behaviour beyond single rules: modality, attribution from the parse, and the article pass."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.coding.actors import mark_actors
from pipeline.nlp import parse_sentences, plain_apostrophes
from pipeline.output.rows import mention_id


def _only(mentions, event_type: str):
    found = [m for m in mentions if m.event_type == event_type]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "Russia and Ukraine did not meet in Istanbul.",
        "After his gains on the battlefield, Assad felt no need to negotiate with the opposition.",
        "Europe told Washington it was not a smart idea to hold a summit with Iran.",
        "Assad may now feel emboldened to launch an assault on Idlib province.",
        "Israel threatened to strike Iranian nuclear sites.",
        "Iran could strike US bases within hours.",
        "If Hamas fires rockets, Israel would strike Gaza.",
        "The talks between Iran and the US were called off.",
        "China denied that its jets attacked Taiwan.",
        "Russia vetoed the resolution on Syria.",
        "North Korea declined an invitation to attend the talks.",
        "Workers at the port went on strike.",
        "The two companies struck a deal.",
        "Trump stepped back from his promise of an imminent missile strike in Syria.",
        "Only the Syrian regime has the assets and the motivation to launch such merciless attacks.",
        "Iranian-backed militias have dominated the ground war.",
        "Such a sudden pullout would leave the Kurds vulnerable to Turkish attack.",
        "Residents have been bracing themselves for a Turkish attack.",
        "Brussels told Washington it was not a very wise idea to hold a summit with Tehran.",
        "Ankara warned that a Turkish military operation against the militia in the town is near.",
        "Each battlefield gain prepares the ground for more fighting, not for talks.",
        "The assault on the town has not started yet, officials said.",
        "Villagers fled ahead of the pending fighting.",
        "Thousands of civilians might be killed by a US land attack.",
        "The insurgency continued ahead of the expected Russian-led air assault.",
        "None of the Saudi freighters is known to have been attacked by the rebels so far.",
        "Dock workers began their first national strike in a decade on Monday.",
        "Did the minister know of any protesters who were later killed by US-led airstrikes?",
        "Was there a US air strike on the base?",
        "If Turkish forces become bogged down in a bloody fight in Afrin, Erdogan's judgment could be questioned.",
        "Residents fear a repeat of the murderous airstrikes on Ghouta.",
        "Tehran will stay calm as long as the airstrikes are aimed only at arms depots.",
        "Direct clashes between Turkish forces and US troops in Manbij are now a distinct possibility.",
        "Residents discussed the Russians' projected attack on Idlib.",
        "In a statement it said any airstrikes could hamper the investigation into Douma.",
        "I'm ringing Turkey and getting no response.",
        "I was worried for the families still remaining, in case Isis raided the house and found the devices.",
        "Idlib was spared an assault by the regime and Russia last autumn.",
        "The group might side with Damascus if forced to pick between a Turkish onslaught and surrender.",
        "The outcome hinges mostly on negotiations between Moscow and Ankara.",
        "The minister said attacks on the UK are imminent.",
        "A US strike on Iran is possible.",
        "They would get my support for a proportionate attack on the chemical weapons sites.",
        "Israel will hold off on launching an attack on Gaza.",
        "Israel refrained from launching airstrikes on Gaza.",
        "Turkish troops are preparing for a military offensive against Afrin.",
        "Turkey is poised to launch an offensive into Syria.",
        "Syria has not confirmed that its delegation will attend the talks with Turkey.",
        "Ali used to visit Iranian officials in Tehran.",
        "A visit to Moscow by the US secretary of state is under consideration.",
        "President Reagan will meet the press on Friday.",
        "The Teamsters union and the trucking companies resumed talks on a new contract.",
        "Britain will not take part in any western strike on Syria.",
        "Aid agencies warned that a large-scale assault on Idlib could cause a humanitarian crisis.",
        "Officials dismissed speculation that Russia would retaliate with an attack on the bases.",
        "Rebels said the truce gave the regime a pretext to launch airstrikes on the town.",
        "The president left the White House to visit his wife at the naval hospital.",
        "The group's leaders told supporters to conduct attacks at home instead.",
        "With every terrorist bombing in Europe, another young man is drawn to the cause.",
        "The two finance ministers talk by telephone from time to time about the dollar.",
        "Israeli jets regularly strike targets in southern Lebanon.",
        "Many of the returning fighters are still ideologically driven to carry out attacks.",
        "The White House played down talk of the imminence of missile strikes on the airbase.",
        "The old port, largely untouched by the shelling, now shelters families from the east.",
        "The navy seldom acknowledges its raids on smuggling boats off the coast.",
        "A cell in Raqqa was tasked with carrying out attacks across Europe.",
    ],
)
def test_no_event_is_coded(code_text, text: str) -> None:
    assert not code_text(text)


def test_announcing_the_launch_of_an_assault_reports_it(code_text) -> None:
    strike = _only(code_text("Turkey announced the launch of the assault on Afrin in January."), "strike")
    assert (strike.modality, strike.target.country) == ("asserted", "SYR")


def test_a_trip_that_is_to_happen_plans_its_talks(code_text) -> None:
    planned = _only(code_text("The Korean trade minister was to leave for talks in Washington later today."), "meeting")
    assert planned.cameo_code == "036"
    assert _only(code_text("The Korean trade minister left for talks in Washington on Monday."), "meeting").cameo_code == "042"
    leaves = _only(code_text("The Korean trade minister leaves today for talks with US officials in Washington."), "meeting")
    assert leaves.cameo_code == "036"
    arrives = _only(code_text("The German president arrives today for a four-day state visit to Bolivia."), "meeting")
    assert arrives.cameo_code == "042"  # under way on arrival


def test_what_a_future_clause_does_first_or_awaits_is_planned(code_text) -> None:
    consulting = _only(code_text("The president would decide on the tariffs within days, after consulting with Japanese officials."), "meeting")
    assert consulting.cameo_code == "036"
    until = _only(code_text("Brazil will hold its decision until the International Coffee Organization meeting in September."), "meeting")
    assert until.cameo_code == "036"
    done = _only(code_text("The minister will fly home on Sunday after having completed a visit to Japan."), "meeting")
    assert done.cameo_code == "042"
    coming = _only(code_text("With the Venice summit coming up, Japan must act on trade, the minister said."), "meeting")
    assert coming.cameo_code == "036"
    toward = _only(code_text("As the Kurdish region lurches toward talks with Baghdad, its flag matters less."), "meeting")
    assert toward.cameo_code == "036"
    current = _only(code_text("China will take a place on the ADB board at the current meeting here, he said."), "meeting")
    assert (current.cameo_code, current.modality) == ("040", "asserted")
    text = "Turkey attacked Afrin. The group demanded that Russia explain its position towards Turkey's offensive."
    assert [m.modality for m in code_text(text) if m.event_type == "strike" and m.sentence_index == 1] == ["asserted"]


def test_talks_starting_soon_are_planned_and_talks_started_before_are_not(code_text) -> None:
    soon = _only(code_text("Japanese and US officials open talks starting this week on the chip dispute."), "meeting")
    assert soon.cameo_code == "036"
    before = _only(code_text("Iran and Iraq held talks starting last week in Geneva."), "meeting")
    assert before.modality == "asserted"


def test_talks_that_are_due_are_planned(code_text) -> None:
    talks = _only(code_text("A sixth round of UN-sponsored Syrian talks is due to resume in Geneva on Tuesday."), "meeting")
    assert talks.cameo_code == "036"


def test_a_wh_question_presupposes_its_event(code_text) -> None:
    strike = _only(code_text("Why did Russia bomb the hospital in Idlib?"), "strike")
    assert (strike.source.country, strike.target.country) == ("RUS", "SYR")


def test_a_bare_present_meeting_on_a_named_day_or_after_when_is_scheduled(code_text) -> None:
    meets = _only(code_text("EC finance ministers meet in Belgium this weekend to discuss the currency float."), "meeting")
    assert meets.cameo_code == "036"
    visit = _only(code_text("The king begins a four-day state visit to Britain on Tuesday."), "meeting")
    assert visit.cameo_code == "036"
    when = _only(code_text("Reform will be on the table when EC farm ministers meet the commission."), "meeting")
    assert when.cameo_code == "036"
    today = _only(code_text("The US treasury secretary holds talks with his Japanese counterpart today."), "meeting")
    assert today.cameo_code != "036"
    follows = _only(code_text("Trump's decision follows a phone call with Erdoğan on Friday."), "meeting")
    assert follows.cameo_code == "041"
    fighting = _only(code_text("Heavy fighting with Isis continues around the Iraqi town on Friday, the army said."), "strike")
    assert fighting.modality == "asserted"


def test_meeting_a_requirement_is_no_meeting(code_text) -> None:
    assert not code_text("The plant meets all air quality regulations, Japan's trade ministry said.")
    assert not code_text("Ministers will raise the rate to meet US requests, officials in Tokyo said.")


def test_planned_meeting_is_036_with_its_actors(code_text) -> None:
    meeting = _only(code_text("Turkish President Erdogan will visit Moscow next week."), "meeting")
    assert (meeting.cameo_code, meeting.modality) == ("036", "planned")
    assert meeting.source.country == "TUR" and meeting.target.country == "RUS"


def test_a_future_date_makes_an_event_planned(code_text) -> None:
    talks = _only(code_text("Iran and Iraq hold talks in Baghdad tomorrow."), "meeting")
    assert (talks.cameo_code, talks.modality) == ("036", "planned")
    assert not code_text("Israeli jets strike targets in Gaza next week, officials say.")
    past = _only(code_text("Iraqi and US officials met last week."), "meeting")
    assert past.modality == "asserted" and past.date.source == "relative"


def test_a_light_verb_realises_a_threatened_event(code_text) -> None:
    invasion = _only(code_text("Israel today mounted its long-threatened invasion of South Lebanon."), "strike")
    assert invasion.modality == "asserted" and invasion.source.country == "ISR"


def test_an_existential_past_event_is_asserted(code_text) -> None:
    call = _only(code_text("There was a phone call between Trump and Recep Tayyip Erdogan on Sunday."), "meeting")
    assert (call.cameo_code, call.modality) == ("041", "asserted")
    planned = _only(code_text("There will be talks between Iran and Iraq in Baghdad next week."), "meeting")
    assert (planned.cameo_code, planned.modality) == ("036", "planned")


def test_passive_voice_swaps_source_and_target(code_text) -> None:
    strike = _only(code_text("The Iraqi base was struck by Iranian missiles."), "strike")
    assert strike.source.country == "IRN" and strike.target.country == "IRQ"
    fired = _only(code_text("Suspected Turkish rockets were fired at several Syrian villages on Sunday."), "strike")
    assert fired.source.country == "TUR" and fired.target.country == "SYR"


def test_a_relative_clause_with_its_own_subject_strikes_the_noun_it_hangs_on(code_text) -> None:
    strike = _only(code_text("Medics treated the Iraqi soldiers the Iranian army shelled on Sunday."), "strike")
    assert strike.source.code == "IRNMIL" and strike.target.code == "IRQMIL"
    meeting = _only(code_text("Most talks were held in northern Iraq, where Iranian envoys met on Sunday."), "meeting")
    assert meeting.target is None or meeting.target.country != "IRQ"


def test_a_strike_meant_to_do_something_happened(code_text) -> None:
    strike = _only(code_text("The US airstrikes on Shayrat were meant to deter Assad."), "strike")
    assert strike.modality == "asserted"
    talks = _only(code_text("The talks between Iran and Iraq are meant to start next week."), "meeting")
    assert talks.modality == "planned"


def test_possessive_and_prepositional_target(code_text) -> None:
    strike = _only(code_text("Russia's strike on Ukraine's power grid killed five people."), "strike")
    assert strike.source.country == "RUS" and strike.target.country == "UKR"


def test_a_typeset_apostrophe_parses_like_a_plain_one(code_text) -> None:
    strike = _only(code_text("Kurdish officials said they would stay away, blaming Turkey’s weeklong offensive against Afrin."), "strike")
    assert (strike.source.country, strike.target.country) == ("TUR", "SYR")
    assert strike.sentence[strike.trigger_start :].startswith("offensive")


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("Turkey’s offensive, they don’t say", "Turkey's offensive, they don't say"),
        ("the rebels’ positions were shelled", "the rebels' positions were shelled"),
        ("the ‘red lines’ were crossed", "the ‘red lines’ were crossed"),
    ],
)
def test_plain_apostrophes_keep_closing_quotes(text: str, parsed: str) -> None:
    assert plain_apostrophes(text) == parsed


def test_country_as_such_and_its_military(code_text) -> None:
    assert _only(code_text("Iran attacked a Saudi tanker in the Gulf on Sunday."), "strike").source.code == "IRN"
    assert _only(code_text("A US drone strike killed the commander in Baghdad."), "strike").source.code == "USAMIL"
    strike = _only(code_text("Iraq said today its troops had attacked Iranian positions near Basra."), "strike")
    assert strike.source.code == "IRQMIL" and strike.target.country == "IRN"


def test_a_city_modifying_a_meeting_is_the_venue(code_text) -> None:
    meeting = _only(code_text("Iran and Iraq resumed the Geneva talks on Monday."), "meeting")
    assert {meeting.source.country, meeting.target.country} == {"IRN", "IRQ"}
    talks = _only(code_text("The U.S. envoy attended the Geneva talks with Soviet officials."), "meeting")
    assert talks.source.country == "USA" and talks.target.country == "RUS"
    parties = _only(code_text("A western official familiar with the Baghdad–Washington talks said the US would act."), "meeting")
    assert {parties.source.country, parties.target.country} == {"IRQ", "USA"}


def test_a_place_struck_is_its_country_and_locates_role_only_targets(code_text) -> None:
    near = _only(code_text("Syrian jets pounded villages near Damascus on Monday."), "strike")
    assert near.target.code == "SYR"  # the capital as a place, not the government
    located = _only(code_text("US drones struck militants in northern Pakistan, killing six."), "strike")
    assert located.target.code == "PAKREB"


def test_who_was_killed_in_a_strike_is_its_target(code_text) -> None:
    killed = _only(code_text("At least 250 civilians have been killed in the bombardment of Afrin."), "strike")
    assert killed.target.code == "SYRCVL"  # the victims, placed where they were struck
    member = _only(code_text("He was a senior member of Isis who was killed in a US drone strike last year."), "strike")
    assert (member.source.code, member.target.code) == ("USAMIL", "IMGMUSISI")


def test_who_a_subject_meets_along_with_is_a_party(code_text) -> None:
    text = "The Russian president, along with his Turkish counterpart, is due to meet in Sochi on Thursday."
    meeting = _only(code_text(text), "meeting")
    assert (meeting.cameo_code, meeting.source.code, meeting.target.code) == ("036", "RUSGOV", "TURGOV")


def test_the_parties_of_talks_that_are_underway_between_them(code_text) -> None:
    talks = _only(code_text("Talks are underway between Jordan and the International Monetary Fund on a new loan."), "meeting")
    assert (talks.source.code, talks.target.code) == ("JOR", "IGOBUSIMF")


def test_what_an_anti_modifier_opposes_is_not_the_actor(code_text) -> None:
    forces = _only(code_text("Anti-Isis forces attacked the town of Hajin on Monday."), "strike")
    assert forces.source.code == "MIL" and forces.source.country is None
    journalist = _only(code_text("A prominent anti-Syria journalist was killed in a car bombing in Beirut."), "strike")
    assert journalist.target.code == "LBNMED"


def test_a_place_struck_as_object_or_beside_a_region_is_its_country(code_text) -> None:
    strike = _only(code_text("In late 2015, suicide bombers attacked Paris."), "strike")
    assert (strike.cameo_code, strike.target.code) == ("1831", "FRA")
    attack = _only(code_text("Hatred of the kind behind the attack in New Zealand is spreading, even in the west."), "strike")
    assert attack.target.code == "NZL"


@pytest.mark.parametrize(
    "text",
    [
        "The Syrian town of Douma came under heavy shelling on Monday.",
        "Idlib has been the target of Russian airstrikes for weeks.",
        "Raqqa was subject to a steady coalition bombardment.",
    ],
)
def test_the_subject_of_coming_under_or_being_the_target_of_a_strike_is_its_target(code_text, text: str) -> None:
    strike = _only(code_text(text), "strike")
    assert strike.target.country == "SYR" and (strike.source is None or strike.source.country != "SYR")


def test_coordinated_sides_of_a_clash_are_source_and_target_not_the_town(code_text) -> None:
    clash = _only(code_text("Government troops and rebels clashed near Hama on Friday."), "strike")
    assert (clash.source.code, clash.target.code) == ("SYRMIL", "SYRREB")


def test_his_decision_to_strike_is_the_person_named_before(code_text) -> None:
    strike = _only(code_text("Trump defended his decision to launch missile strikes on Syria.", dt.date(2018, 5, 10)), "strike")
    assert (strike.source.code, strike.source.text, strike.target.code) == ("USAGOV", "his", "SYR")


def test_the_sides_of_fighting_between_them_are_source_and_target_not_who_reported_it(code_text) -> None:
    for text in (
        "Fighting between Ethiopian troops and Eritrean soldiers continued near the border.",
        "The monitor reported fierce fighting between Ethiopian troops and Eritrean soldiers near the border.",
    ):
        fight = _only(code_text(text), "strike")
        assert (fight.source.code, fight.target.code) == ("ETHMIL", "ERIMIL")


def test_the_other_side_of_clashes_can_hang_on_their_verb(code_text) -> None:
    clash = _only(code_text("Kurdish officials said that clashes continued with Turkish troops near Afrin."), "strike")
    assert clash.target.code == "TURMIL"


def test_a_modifier_names_the_institution_of_generic_officials(code_text) -> None:
    meeting = _only(code_text("Rebel civilian and military officials held talks with Russian generals in Hama."), "meeting")
    assert meeting.source.role == "REB" and meeting.target.code == "RUSMIL"
    assert _only(code_text("Iraqi military officials met US diplomats in Baghdad."), "meeting").source.code == "IRQMIL"


def test_a_bare_back_reference_is_a_mention_of_the_event_reported_before_or_nothing(code_text) -> None:
    strike, condemned = code_text("Israeli jets struck Gaza on Monday. Egypt condemned the attack on Tuesday.")
    assert (condemned.rule_id, condemned.is_reference, condemned.cameo_code) == ("strike.reference", True, strike.cameo_code)
    assert (condemned.source.code, condemned.target.code, condemned.date.date) == ("ISRMIL", "PSE", strike.date.date)
    assert not code_text("Egypt condemned the attack on Tuesday.")
    [one] = code_text("Israeli jets struck Gaza, and Egypt condemned the attack.")
    assert one.rule_id.startswith("strike.verb")


def test_a_bare_reference_is_the_last_event_named_with_its_word(code_text) -> None:
    text = (
        "US jets struck three chemical weapons sites near Damascus on Saturday. "
        "On Sunday Turkish troops began an assault on Afrin. "
        "Critics said the strikes changed little."
    )
    strikes, assault, critics = code_text(text, dt.date(2018, 4, 16))
    assert (critics.rule_id, critics.source.code) == ("strike.reference", strikes.source.code)
    assert critics.date.date == strikes.date.date != assault.date.date


def test_a_bare_meeting_mention_naming_a_party_is_a_meeting_of_its_own(code_text) -> None:
    [told] = code_text("Japan's finance minister told the meeting that Tokyo would co-finance the bank's loans.")
    assert (told.rule_id, told.is_reference, told.source.code) == ("meeting.reference", False, "JPNGOV")
    assert not code_text("Delegates said the talks went well.")  # nobody named: a reference to nothing
    assert not code_text("The next meeting of the board will be held on April 29, the company said.")
    [held] = code_text("Iranian and Iraqi officials held talks in Geneva, and an Iraqi official said the talks went well.")
    assert held.rule_id.startswith("meeting.talks")  # the sentence's own report: no second meeting


def test_short_names_match_as_written_and_apostrophes_either_way(code_text) -> None:
    assert _only(code_text("Dock workers fed up with pay met Iranian officials."), "meeting").source.country is None
    assert _only(code_text("The Fed chairman met Japanese officials in Tokyo.", dt.date(1987, 3, 1)), "meeting").source.country == "USA"
    clash = _only(code_text("Turkish troops clashed with the People’s Protection Units near Afrin."), "strike")
    assert clash.target.code == "SYRREB"


def test_leaders_due_to_meet_and_settings_under_auspices_or_three_way(code_text) -> None:
    due = _only(code_text("Putin and Erdogan are due to meet in Sochi next week."), "meeting")
    assert (due.cameo_code, due.source.code, due.target.code) == ("036", "RUSGOV", "TURGOV")
    assert _only(code_text("Talks will resume under UN auspices in Geneva next month."), "meeting").cameo_code == "036"
    assert _only(code_text("The three-way summit endorsed a plan for a national congress."), "meeting").target is None


def test_who_claimed_responsibility_for_a_strike_is_its_source(code_text) -> None:
    claimed = _only(code_text("The Taliban claimed responsibility for a suicide bombing in Kabul on Sunday."), "strike")
    assert (claimed.cameo_code, claimed.source.code, claimed.target.country) == ("1831", "AFGREB", "AFG")



@pytest.mark.parametrize(
    "text",
    [
        "Washington blamed Iran for the attack on the Kuwaiti tanker.",
        "The Pentagon held Iran responsible for the rocket attack on a Kuwaiti tanker.",
        "Iran was responsible for Friday's missile attack on a Kuwaiti tanker, US officials said.",
        "The White House weighed its response to Iran, which Washington blames for the raids on Kuwaiti tankers.",
    ],
)
def test_who_is_blamed_or_held_responsible_for_a_strike_is_its_source(code_text, text: str) -> None:
    strike = _only(code_text(text), "strike")
    assert strike.source.country == "IRN"


def test_two_sides_of_one_country(code_text) -> None:
    strike = _only(code_text("Syrian government forces pounded rebel-held districts of Aleppo with artillery."), "strike")
    assert (strike.source.code, strike.target.code) == ("SYRMIL", "SYRREB")


def test_being_on_a_visit_is_asserted(code_text) -> None:
    visit = _only(code_text("The Iranian foreign minister is on a visit to Moscow, where he met his Russian counterpart."), "meeting")
    assert (visit.modality, visit.source.country, visit.target.country) == ("asserted", "IRN", "RUS")


def test_a_city_inside_a_name_is_no_place(code_text) -> None:
    visit = code_text("His lawyer Kaya Sertkaya, who visited Robinson in the prison in Denizli, said he was well.")
    assert all(m.source is None or m.source.country != "BFA" for m in visit)


def test_a_strike_without_target_is_located_by_the_place_it_struck(code_text) -> None:
    bombing = _only(code_text("Monitors reported that the bombing of villages and farms in Hama went on overnight."), "strike")
    assert bombing.target.code == "SYR"
    airstrikes = _only(code_text("Twelve civilians were killed in airstrikes on Saturday in Idlib province."), "strike")
    assert airstrikes.target.code == "SYR"  # the place on the verb of the harm
    fighting = code_text("Chadian troops killed 384 Libyans and captured 48 in fighting near Ouadi Doum in northern Chad.")
    assert [(m.source.country, m.target.country) for m in fighting] == [("TCD", "LBY")]  # the place merges with the kill


def test_talks_between_companies_are_no_row_and_commodity_bodies_are_igos(code_text) -> None:
    assert not code_text("Acme Corp entered into talks with underwriters on a share sale.")
    assert not code_text("Acme Corp is holding talks with Brightwell Partners on the sale of its plant.")  # an unknown organisation
    assert not code_text("The union held talks with Jim Brightwell on the pay offer.")  # facing a union
    council = _only(code_text("The International Coffee Organization council held a special meeting in London."), "meeting")
    assert council.source.code == "IGO"  # CAMEO's bare IGO, not a British organisation


def test_a_role_takes_the_sole_other_country_of_its_sentence(code_text) -> None:
    talks = _only(code_text("The FAO chief, in Brazil for talks with agriculture officials, said he was optimistic."), "meeting")
    assert talks.target.code == "BRAGOV"
    both = _only(code_text("The militants attacked an army base on Sunday, officials in Iraq and Syria said."), "strike")
    assert both.source.country is None  # two countries: the sentence does not say whose rebels


def test_backers_are_not_the_actor_but_loyalty_is(code_text) -> None:
    backed = _only(code_text("Iranian-backed militias attacked the base."), "strike")
    assert (backed.source.code, backed.source.country) == ("REB", None)
    loyal = _only(code_text("Forces loyal to Bashar al-Assad shelled the town of Douma on Sunday."), "strike")
    assert loyal.source.code == "SYRMIL"
    aide = _only(code_text("A senior adviser to the Iranian supreme leader met the Syrian president in Damascus."), "meeting")
    assert (aide.source.country, aide.target.country) == ("IRN", "SYR")


def test_a_town_the_model_tags_as_a_person_is_still_a_place(code_text) -> None:
    strike = _only(code_text("Government forces launched an attack on Homs on Monday."), "strike")
    assert strike.target.country == "SYR"
    meeting = _only(code_text("Turkish President Erdogan met Campbell, the British envoy, in Ankara."), "meeting")
    assert meeting.target is None or meeting.target.country != "FRA"


def test_regions_are_not_countries(code_text) -> None:
    strike = _only(code_text("US jets struck targets in the Middle East on Monday."), "strike")
    assert strike.target.code == "MEA" and strike.target.country is None
    meeting = _only(code_text("Foreign ministers of South America held talks with Chinese officials."), "meeting")
    assert meeting.source.country is None and meeting.target.country == "CHN"


def test_non_finite_clauses_take_the_main_subject(code_text) -> None:
    meeting = _only(code_text("Russian Foreign Minister Sergei Lavrov flew to Ankara to meet his Turkish counterpart."), "meeting")
    assert meeting.source.code == "RUSGOV" and meeting.target.code == "TURGOV"
    opened = _only(code_text("In opening the meeting with Brazilian officials, Nicaraguan President Daniel Ortega said prices were falling."), "meeting")
    assert opened.source.code == "NICGOV" and opened.target.code == "BRAGOV"


def test_a_country_on_the_instrument_is_the_attacker(code_text) -> None:
    strike = _only(code_text("Officials met after the US drone strike that killed Iran's top general, Qassem Soleimani."), "strike")
    assert strike.source.code == "USAMIL" and strike.target.country == "IRN"


def test_passives_without_auxiliaries_and_shared_objects(code_text) -> None:
    tankers = _only(code_text("Two freighters attacked off Qatar by Iranian gunboats were towed to Dubai."), "strike")
    assert tankers.source.code == "IRNMIL"
    shared = _only(code_text("Two American destroyers shelled and sank three Iranian speedboats on Friday."), "strike")
    assert shared.source.code == "USAMIL" and shared.target.country == "IRN"
    counted = _only(code_text("Baghdad claimed its soldiers had killed hundreds of Iranians in the marshes."), "strike")
    assert counted.source.code == "IRQMIL" and counted.target.country == "IRN"


def test_meeting_adjuncts_and_temporal_participles(code_text) -> None:
    meeting = _only(code_text("Iraqi and Iranian officials signed the accord on prisoners at a meeting in Geneva."), "meeting")
    assert (meeting.source.country, meeting.target.country, meeting.cameo_code) == ("IRQ", "IRN", "044")
    following = code_text("Council members gathered for closed consultations following the US attack on an Iranian radar site.")
    strike = _only(following, "strike")
    assert strike.modality == "asserted" and strike.target.country == "IRN"


def test_partitive_nouns_stand_for_the_event(code_text) -> None:
    meeting = _only(code_text("Indian and Chinese officials concluded a new round of talks in Beijing."), "meeting")
    assert {meeting.source.country, meeting.target.country} == {"IND", "CHN"}


def test_a_partitive_carries_the_clause_modality(code_text) -> None:
    meeting = _only(code_text("The mediator hopes to reconvene three days of political talks in Vienna next spring."), "meeting")
    assert (meeting.modality, meeting.cameo_code) == ("planned", "036")


@pytest.mark.parametrize(
    "text",
    [
        "New proposals were made at the Geneva arms control talks today.",
        "The ministerial meeting ended without agreement late on Friday.",
        "An emergency meeting between producing and consuming countries broke up without agreement on Tuesday.",
        "The summit in Vienna ended on Friday without a communique.",
    ],
)
def test_a_political_setting_stands_in_for_missing_actors(code_text, text: str) -> None:
    meeting = _only(code_text(text), "meeting")
    assert meeting.source is None and meeting.target is None


@pytest.mark.parametrize(
    "text",
    [
        "In Jordan I met a group of psychotherapists who treat torture survivors.",
        "We attended a meeting in London on Tuesday.",
        "The meeting ended late yesterday.",
    ],
)
def test_a_meeting_without_actors_or_setting_is_no_row(code_text, text: str) -> None:
    assert not [m for m in code_text(text) if m.event_type == "meeting"]


def test_ending_talks_reports_who_held_them(code_text) -> None:
    meeting = _only(code_text("Finance ministers of the Gulf Cooperation Council have ended talks in Riyadh."), "meeting")
    assert (meeting.source.code, meeting.source.key) == ("IGOPGSGCCGOV", "IGOPGSGCC")  # its members' ministers


def test_a_bodys_own_envoy_is_the_body_and_its_members_people_take_their_role(code_text) -> None:
    envoy = _only(code_text("The UN special envoy met Syrian opposition leaders in Geneva."), "meeting")
    assert envoy.source.code == "IGOUNO"
    ministers = _only(code_text("EU foreign ministers met their Turkish counterpart in Brussels."), "meeting")
    assert (ministers.source.code, ministers.source.role) == ("IGOEUREECGOV", "GOV")


def test_a_venue_is_not_the_home_of_ministers_from_several_states(code_text) -> None:
    meeting = _only(code_text("Deputy oil ministers from six Gulf Arab states will meet in Bahrain on Monday."), "meeting")
    assert meeting.source is None or meeting.source.country is None


def test_talks_whose_subject_the_article_resolves_are_not_the_speakers(code_text) -> None:
    text = "The ministers also continued talks on trade and one, Canadian Finance Minister Michael Wilson, said progress was made."
    meeting = _only(code_text(text), "meeting")
    assert meeting.source is None or meeting.source.country != "CAN"


def test_talks_naming_only_the_other_side_take_their_party_from_the_clause_above(code_text) -> None:
    said = _only(code_text("Norway said good progress had been made in fisheries talks with Iceland."), "meeting")
    assert (said.source.code, said.target.code) == ("NOR", "ISL")
    tried = _only(code_text("Peru has tried hard to secure a good result from the Lima trade talks."), "meeting")
    assert tried.source.code == "PER"
    analysts = _only(code_text("Analysts in London said the talks with Iran went well."), "meeting")
    assert analysts.source is None or analysts.source.country is None  # a speaker with no country is no party


def test_a_meeting_in_a_third_country_is_044(code_text) -> None:
    assert _only(code_text("Trump met his Russian counterpart, Vladimir Putin, in Helsinki."), "meeting").cameo_code == "044"
    assert _only(code_text("US and North Korean officials held talks in Singapore on Monday."), "meeting").cameo_code == "044"
    at_home = _only(code_text("Iraqi army chief Othman al-Ghanimi met Russian Ambassador Maksim Maksimov in Baghdad."), "meeting")
    assert at_home.cameo_code == "040"  # a resident ambassador: the venue says nothing about who travelled


def test_who_convened_a_meeting_of_a_body_and_who_met_at_one(code_text) -> None:
    convened = _only(code_text("Britain has convened an emergency meeting of the UN Security Council."), "meeting")
    assert (convened.source.code, convened.target.code) == ("GBR", "IGOUNO")
    attended = _only(code_text("Iran attended a meeting of OPEC ministers in Vienna."), "meeting")
    assert (attended.source.code, attended.target.code) == ("IRN", "IGOOPCGOV")  # its members' ministers
    assert attended.target.key == "IGOOPC"  # the body itself when mentions are compared
    told = _only(code_text("Le Drian spoke to journalists at a meeting of EU defence ministers in Luxembourg."), "meeting")
    assert told.target is None or told.target.role != "MED"  # whom he spoke to was not at the meeting
    invited = _only(code_text("Moscow, at the invitation of the Syrian government, keeps jets in Latakia."), "invitation")
    assert invited.source.country == "SYR"  # "at the invitation of X": X invites


def test_hosting(code_text) -> None:
    meeting = _only(code_text("Egypt's President hosted the Jordanian king in Cairo on Sunday."), "meeting")
    assert meeting.cameo_code == "043"
    assert meeting.source.country == "EGY" and meeting.target.country == "JOR"


def test_a_place_invitees_go_to_is_not_the_invitee_and_an_announcer_invites(code_text) -> None:
    passive = _only(code_text("The Kremlin announced on Tuesday that Syrian opposition figures would be invited to Sochi."), "invitation")
    assert passive.source.country == "RUS" and (passive.target is None or passive.target.country != "RUS")
    active = _only(code_text("Putin invited the Turkish president to Sochi for a summit."), "invitation")
    assert (active.source.code, active.target.code) == ("RUSGOV", "TURGOV")


def test_invitation_target_is_the_invitee(code_text) -> None:
    invitation = _only(code_text("China invited Russian President Vladimir Putin to visit Beijing."), "invitation")
    assert invitation.source.country == "CHN" and invitation.target.code == "RUSGOV"
    assert [m.event_type for m in code_text("China invited Russian President Vladimir Putin to visit Beijing.")] == ["invitation"]


def test_roles_and_igos(code_text) -> None:
    resolution = _only(code_text("The UN Security Council adopted a resolution condemning North Korea."), "resolution")
    assert resolution.source.code == "IGOUNO" and resolution.source.country is None
    assert resolution.target.country == "PRK"
    strike = _only(code_text("US fighter jets struck militia positions in Iraq."), "strike")
    assert strike.source.code == "USAMIL"


def test_industry_officials_are_business_but_an_industry_minister_governs(code_text) -> None:
    talks = _only(code_text("Steel industry officials held talks with Japan's trade and industry minister in Tokyo."), "meeting")
    assert (talks.source.code, talks.target.code) == ("BUS", "JPNGOV")


def test_officials_of_several_nations_take_no_country_from_the_venue(code_text) -> None:
    talks = _only(code_text("Finance ministers of the industrial countries held talks in Washington on Tuesday."), "meeting")
    assert talks.source.code == "GOV"
    among = _only(code_text("Agriculture officials held talks in Brasilia on Tuesday."), "meeting")
    assert among.source.code == "GOV"  # meeting among themselves: perhaps several nations' officials
    farm = _only(code_text("The U.S. delegation held talks in Brasilia on Tuesday with agriculture officials."), "meeting")
    assert (farm.source.code, farm.target.code) == ("USAGOV", "BRAGOV")


def test_article_pass_links_names_dyads_and_dates(code_text) -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov met Iranian Foreign Minister Javad Zarif in Moscow on Monday.\n\n"
        "The two ministers discussed the nuclear deal.\n\n"
        "Lavrov later invited Zarif to visit Sochi."
    )
    mentions = code_text(text, dt.date(2020, 6, 17))
    first, second = [m for m in mentions if m.event_type == "meeting"]
    assert (first.source.code, first.target.code) == ("RUSGOV", "IRNGOV")
    assert not first.is_reference and second.is_reference
    assert (second.source.country, second.target.country) == ("RUS", "IRN")
    assert second.date.source == "linked" and second.date.date == dt.date(2020, 6, 15)
    invitation = _only(mentions, "invitation")
    assert (invitation.source.code, invitation.target.code) == ("RUSGOV", "IRNGOV")


def test_an_attack_with_no_target_takes_the_side_the_article_shows_its_attacker_striking(code_text) -> None:
    struck = "Turkish jets bombed Kurdish positions in Syria on Sunday. Turkish artillery shelled villages near Afrin, Syria, on Monday."
    earlier = " In 2016 a Turkish offensive drove thousands from their homes."
    offensive = next(m for m in code_text(struck + earlier) if m.trigger == "offensive")
    assert (offensive.source.country, offensive.target.country, offensive.target.ref) == ("TUR", "SYR", "article")
    once = struck.split(". ")[0] + "." + earlier
    assert next(m for m in code_text(once) if m.trigger == "offensive").target is None


def test_an_attack_the_article_puts_nowhere_happened_in_its_theatre(code_text) -> None:
    """An article whose towns are all in one country: unplaced attacks struck there, and a side named only as
    civilians, rebels or the regime is of that country; soldiers, or an attack placed elsewhere, are left."""
    theatre = (
        "Government warplanes bombed Idlib and Saraqeb on Monday, and rockets fell on Hama. "
        "At least 14 civilians were killed in the regime's airstrikes, medics said. "
        "Rebel groups shelled the outskirts of the capital. "
        "Three soldiers were wounded on Tuesday. "
        "Isis adherents have carried out attacks in Europe. "
        "Russian jets and Iranian-backed militias launched an offensive on the nearby province."
    )
    strikes = {m.trigger: m for m in code_text(theatre, dt.date(2018, 2, 20)) if m.event_type == "strike"}
    assert strikes["bombed"].source.code == "SYRMIL"
    regime = strikes["airstrikes"]
    assert (regime.source.code, regime.target.code, regime.target.ref) == ("SYRGOV", "SYRCVL", "theatre")
    assert (strikes["shelled"].source.code, strikes["shelled"].target.code) == ("SYRREB", "SYR")
    assert (strikes["wounded"].target.code, strikes["wounded"].target.country) == ("MIL", None)
    assert strikes["attacks"].target.code == "EUR"
    assert strikes["offensive"].target.code == "SYR"  # a backer is no place the sentence is about
    regime = _only(code_text("The regime's latest attacks on rebel-held Idlib province drove thousands from their homes."), "strike")
    assert (regime.source.code, regime.target.code) == ("SYRGOV", "SYRREB")  # the state at home strikes its own place
    one_town = theatre.replace(" and Saraqeb", "").replace(", and rockets fell on Hama", "")
    assert next(m for m in code_text(one_town, dt.date(2018, 2, 20)) if m.trigger == "shelled").target is None


def test_an_attack_with_no_attacker_is_the_usual_attacker_of_the_article(code_text) -> None:
    """Three attacks by one attacker and none by anyone else: an unattributed one is theirs too."""
    text = (
        "Turkish jets bombed villages near Afrin on Saturday. "
        "Turkish artillery shelled Kurdish positions on Sunday. "
        "Turkish troops attacked the town of Rajo on Monday. "
        "Hospitals were hit by shelling on Tuesday."
    )
    hit = next(m for m in code_text(text, dt.date(2018, 1, 24)) if m.trigger == "shelling")
    assert (hit.source.country, hit.source.ref) == ("TUR", "article")
    mixed = text.replace("Turkish troops attacked", "Kurdish fighters from Iraq attacked")
    assert next(m for m in code_text(mixed, dt.date(2018, 1, 24)) if m.trigger == "shelling").source is None


def test_a_side_a_later_mention_names_fills_the_first_mention(code_text) -> None:
    text = (
        "Forty people were killed on Thursday in a suicide bombing that hit a cultural centre in Kabul. "
        "Islamic State claimed responsibility for the bombing in Kabul."
    )
    first, later = [m for m in code_text(text) if m.event_type == "strike"]
    assert (first.source.code, first.target.code, first.is_reference) == ("IMGMUSISI", "AFG", False)  # the place, not AFGGOV
    assert (later.source.code, later.is_reference) == ("IMGMUSISI", True)


def test_a_group_on_opposite_sides_of_two_attacks_does_not_join_them(code_text) -> None:
    text = "Rival commanders made an attempt to assassinate Baghdadi near Hajin last week. Isis adherents have carried out attacks in Europe."
    attempt, attacks = [m for m in code_text(text, dt.date(2019, 2, 10)) if m.event_type == "strike"]
    assert attempt.target.code == "IMGMUSISI" and attacks.source.code == "IMGMUSISI" and not attacks.is_reference


def test_what_a_meeting_examines_is_its_topic_not_its_party(code_text) -> None:
    text = "The EC ministers met in Brussels on Monday. Their meeting also examined several world issues, especially the Middle East."
    held, examined = code_text(text)
    assert examined.source.key == "IGOEUREEC" and examined.target is None


def test_a_definite_mention_with_its_own_actor_is_not_an_event_years_before(code_text) -> None:
    text = (
        "Relations hit a low in November 2015, when Turkey shot down a Russian military jet near the Syrian border. "
        "Moscow has now allowed the Turkish strikes in airspace it controls."
    )
    downing, allowed = code_text(text, dt.date(2018, 1, 24))
    assert downing.date.date == dt.date(2015, 11, 1)
    assert (allowed.date.date, allowed.date.source) == (dt.date(2018, 1, 24), "publication")
    assert allowed.target is None or allowed.target.country != "RUS"


def test_a_meeting_is_not_the_phone_call_reported_before(code_text) -> None:
    text = "Trump spoke to Erdogan by telephone on Friday. At the end of the meeting, the defence secretary handed in his resignation."
    assert [m.cameo_code for m in code_text(text, dt.date(2018, 12, 21)) if m.event_type == "meeting"] == ["041"]


def test_a_reference_naming_another_actor_is_another_event(code_text) -> None:
    text = "A gunman attacked two mosques in New Zealand. At the time of the SDF offensive, Isis was collapsing."
    rows = [m for m in code_text(text) if m.event_type == "strike"]
    assert [m.target.country if m.target else None for m in rows] == ["NZL", None]


def test_coordinated_strikes_with_different_weapons_are_two_events(code_text) -> None:
    rows = code_text("Thousands of residents fled the airstrikes and shelling.")
    assert sorted(m.cameo_code for m in rows) == ["194", "195"]


def test_an_event_noun_put_before_another_is_a_second_event_with_no_borrowed_actors(code_text) -> None:
    rows = code_text("The ground incursion by Turkish troops on Monday, preceded by days of air strikes, looked cautious.")
    assert sorted((m.cameo_code, m.source.country if m.source else None) for m in rows) == [("190", "TUR"), ("195", None)]
    fled = _only(code_text("Syrian families fled Aleppo after the air raids."), "strike")
    assert fled.source is None
    assert len(code_text("The village fell to Khmer Rouge guerrillas after fierce fighting on Tuesday.")) == 1


def test_an_attack_and_the_strikes_backing_it_are_two_events_and_the_backer_is_not_the_attacker(code_text) -> None:
    rows = code_text("The town fell last month to a Turkish assault, backed by Russian airstrikes.")
    assert sorted((m.cameo_code, m.source.country if m.source else None) for m in rows) == [("190", "TUR"), ("195", "RUS")]


def test_a_strike_in_an_article_about_pay_and_without_arms_is_a_labour_strike(code_text) -> None:
    pay = "Dock workers want a ten percent rise. The strikes in Santos have closed the port for a week."
    assert not code_text(pay)
    armed = "Aid workers were evacuated from the town. The strike on the port killed four soldiers, the army said."
    assert _only(code_text(armed), "strike")


def test_a_pause_in_the_fighting_is_no_fighting_but_a_rate_of_attacks_is_attacks(code_text) -> None:
    assert not code_text("Refugees returned to Idlib during a lull in the fighting between Syrian troops and rebels.")
    assert code_text("Attacks on army posts in Iraq by Isis have increased in recent weeks.")


def test_one_row_per_event_per_sentence(code_text) -> None:
    mentions = code_text("A US airstrike killed an Iranian general near Baghdad airport.")
    strike = _only(mentions, "strike")
    assert strike.cameo_code == "195"


def test_every_row_carries_its_rule(code_text, engine) -> None:
    ids = {r.id for r in engine.codebook.rules} | {f.id for r in engine.codebook.rules for f in r.refinements}
    for mention in code_text("Israeli jets struck Gaza as Iran and Iraq held talks and parliament passed a resolution."):
        assert mention.rule_id in ids


def test_planned_meeting_is_dated_by_its_announcement(code_text) -> None:
    text = "A summit of the Turkish, Iranian and Russian leaders to be held in Ankara on Monday is seen as decisive."
    meeting = _only(code_text(text, dt.date(2018, 9, 5)), "meeting")
    assert (meeting.cameo_code, meeting.modality) == ("036", "planned")
    assert (meeting.date.date, meeting.date.source) == (dt.date(2018, 9, 5), "publication")


def test_coordinated_attackers_of_two_countries_are_two_events(code_text) -> None:
    rows = code_text("US and British warplanes struck targets in Libya.")
    assert sorted((m.source.code, m.target.code) for m in rows) == [("GBRMIL", "LBY"), ("USAMIL", "LBY")]
    assert len({mention_id(m) for m in rows}) == 2
    rows = code_text("Syrian and Russian jets bombed rebel positions near Hama on Sunday.")
    assert sorted(m.source.code for m in rows) == ["RUSMIL", "SYRMIL"]
    assert {m.target.code for m in rows} == {"SYRREB"}
    rows = code_text("The attack led to joint US, French and British airstrikes.")
    assert sorted(m.source.code for m in rows) == ["FRA", "GBR", "USA"]


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        ("Last year, Iran-backed Houthi militants began firing missiles at Riyadh.", ["YEMREB"]),  # a backer
        ("Aleppo was recaptured from the rebels by a Russian and Iranian-backed assault.", ["RUS"]),
        ("Aid groups condemned Erdoğan's Syria incursion in 2016.", ["TURGOV"]),  # two modifier phrases
    ],
)
def test_backers_alternatives_and_other_modifiers_are_no_further_attackers(code_text, text: str, sources: list[str]) -> None:
    rows = [m for m in code_text(text) if m.event_type == "strike"]
    assert [m.source.code for m in rows] == sources


def test_alternative_attackers_are_one_event(code_text) -> None:
    assert len(code_text("Officials said US or French jets bombed the convoy near Idlib.")) == 1


def test_different_specific_weapons_in_one_sentence_are_two_events(code_text) -> None:
    rows = code_text("Dozens died in airstrikes over the weekend as the shelling of Ghouta resumed.")
    assert sorted(m.cameo_code for m in rows) == ["194", "195"]


def test_a_moratorium_on_raids_reports_none(code_text) -> None:
    assert not code_text("The army declared a moratorium on air raids against the rebel-held north.")


def test_an_alleged_attack_is_no_row(code_text) -> None:
    rows = code_text("Turkey said its jets struck Kurdish militants after the group was accused of the bombing in Ankara.")
    assert [m.trigger for m in rows] == ["struck"]
    assert not code_text("A former marine was convicted in Ankara of fighting against the jihadist group.")


def test_a_participle_on_the_event_can_plan_or_cancel_it(code_text) -> None:
    assert not code_text("Critics said the retaliatory air strikes being proposed by the United States would not work.")
    talks = _only(code_text("The talks scheduled for next week in Geneva between Iran and Iraq will focus on prisoners."), "meeting")
    assert talks.cameo_code == "036"
    aimed = _only(code_text("Rwandan rebels made demands at the fourth round of talks with the government aimed at ending the war."), "meeting")
    assert aimed.modality == "asserted"


def test_we_in_reported_speech_is_the_speakers_side(code_text) -> None:
    talks = _only(code_text("“We held useful talks with the Iranians,” Iraq's foreign minister said on Monday."), "meeting")
    assert (talks.source.code, talks.target.country) == ("IRQGOV", "IRN")


def test_who_reacts_after_an_attack_is_not_its_attacker_but_who_fought_after_fighting_is(code_text) -> None:
    reaction = _only(code_text("“We will hit back hard,” Iran's defence minister said after the attack on its tankers."), "strike")
    assert reaction.source is None
    fought = _only(code_text("Vietnamese forces have retaken a village in western Cambodia after fierce fighting with guerrillas."), "strike")
    assert fought.source.country == "VNM"


def test_it_and_they_of_reported_speech_agree_with_their_speaker(code_text) -> None:
    attack = _only(code_text("Iraq said today it attacked Iran's Farsi Island and oil installations near Kharg."), "strike")
    assert (attack.source.country, attack.target.country) == ("IRQ", "IRN")
    assert not code_text("American Express Co said it has been holding talks with Nippon Life on an equity stake.")


def test_its_and_their_stand_for_the_subject_of_their_clause(code_text) -> None:
    assault = _only(code_text("Tehran's troops dug in on new positions after their assault on Iraqi lines, IRNA said."), "strike")
    assert (assault.source.code, assault.target.country) == ("IRNMIL", "IRQ")
    talks = _only(code_text("Sudan said its talks with the IMF went well."), "meeting")
    assert talks.source.country == "SDN"
    talks = _only(code_text("Mexico wants the ICO to hold talks with its members."), "meeting")  # no subject of its own
    assert talks.target is None


def test_a_join_after_a_dotted_abbreviation_names_both_sides(code_text) -> None:
    talks = _only(code_text("The U.S.-Soviet talks on arms control resumed in Geneva on Monday."), "meeting")
    assert {talks.source.country, talks.target.country} == {"USA", "RUS"}
    attack = _only(code_text("Iran fired a missile at a U.S.-flag tanker in Kuwaiti waters on Friday."), "strike")
    assert attack.target.country == "USA"


def test_who_holds_talks_under_their_auspices_stands_for_unnamed_parties(code_text) -> None:
    talks = _only(code_text("Talks on the ceasefire resumed under UN auspices in Vienna on Tuesday."), "meeting")
    assert talks.source.code == "IGOUNO"
    text = "Delegates said the ban breached the round of trade negotiations being held under GATT."
    assert _only(code_text(text, dt.date(1987, 3, 2)), "meeting").source.code == "IGOBUSWTO"
    pressed = _only(code_text("Syria and Turkey held talks under heavy Russian pressure in Geneva."), "meeting")
    assert (pressed.source.code, pressed.target.code) == ("SYR", "TUR")  # under a country's pressure: no holder


def test_a_visiting_official_is_the_visitor_and_one_meeting_with_the_host(code_text) -> None:
    [visit] = code_text("The Egyptian president met the visiting Saudi foreign minister in Cairo on Sunday.")
    assert (visit.cameo_code, visit.source.country, visit.target.country) == ("042", "SAU", "EGY")


def test_a_meeting_on_the_sidelines_of_a_conference_abroad_is_044(code_text) -> None:
    met = _only(code_text("The Turkish defence minister met his US counterpart on the sidelines of the Munich conference."), "meeting")
    assert (met.cameo_code, met.source.country, met.target.country) == ("044", "TUR", "USA")


def test_a_reference_to_talks_announced_before_that_took_place_is_no_plan(code_text) -> None:
    text = "The United States and the Soviet Union will hold arms talks in Geneva next week. The talks recessed on Friday."
    announced, held = code_text(text)
    assert (announced.cameo_code, held.cameo_code, held.modality, held.is_reference) == ("036", "040", "asserted", True)


def test_may_is_theresa_may_where_a_party_stands_and_a_month_elsewhere(code_text) -> None:
    published = dt.date(2018, 5, 20)
    talks = code_text("Theresa May visited Turkey. In his talks with May, Erdoğan pressed for extraditions.", published)
    assert _only(talks[1:], "meeting").target.country == "GBR"
    held = _only(code_text("Theresa May visited Paris. May held talks with Macron on Monday.", published)[1:], "meeting")
    assert held.modality == "asserted" and held.target.country == "FRA"
    month = _only(code_text("Iran and Iraq held talks in Geneva in May.", published), "meeting")
    assert (month.source.country, month.target.country) == ("IRN", "IRQ")


def test_a_report_of_its_own_is_not_linked_to_an_event_years_before(code_text) -> None:
    text = "Syrian jets bombed Aleppo in December 2016. Syrian jets bombed Aleppo, killing 20 people, monitors said."
    first, second = [m for m in code_text(text, dt.date(2018, 9, 5)) if m.event_type == "strike"]
    assert first.date.date.year == 2016 and not second.is_reference and second.date.date.year == 2018
    again = "Syrian jets bombed Aleppo on Monday. Syrian jets bombed Aleppo, killing 20 people, monitors said."
    assert [m.is_reference for m in code_text(again, dt.date(2018, 9, 5)) if m.event_type == "strike"] == [False, True]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Japan will participate in talks with the United States on rice.", "planned"),
        ("Canada will make its offer in negotiations with Mexico.", "planned"),
        ("The missiles would have been ineffective in the attack on the base.", "asserted"),
    ],
)
def test_an_occasion_shares_the_future_of_the_verb_it_hangs_on(code_text, text: str, modality: str) -> None:
    assert [m.modality for m in code_text(text)] == [modality]


def test_talks_naming_one_side_take_the_other_from_a_passive_subject_that_acts(code_text) -> None:
    call = _only(code_text("Macron's decision was prompted by a phone call with Putin last week."), "meeting")
    assert (call.source.country, call.target.country) == ("FRA", "RUS")
    talks = _only(code_text("Kenya is scheduled to hold talks with the IMF next month."), "meeting")
    assert (talks.source.country, talks.cameo_code) == ("KEN", "036")
    session = "The White House budget council is expected to discuss tariffs at a meeting on Thursday."
    assert [m for m in code_text(session) if m.event_type == "meeting"] == []


def test_a_known_surname_with_another_given_name_is_someone_else(code_text) -> None:
    namesake = _only(code_text("Nasr al-Hariri met Russian Foreign Minister Sergei Lavrov in Geneva.", dt.date(2018, 1, 20)), "meeting")
    assert namesake.source.country != "LBN" and namesake.target.code == "RUSGOV"
    titled = _only(code_text("Mr Hariri met Russian Foreign Minister Sergei Lavrov in Moscow.", dt.date(2018, 1, 20)), "meeting")
    assert titled.source.code == "LBNGOV"
    spelled = _only(code_text("Mohammed Javad Zarif met Sergei Lavrov in Moscow.", dt.date(2018, 1, 20)), "meeting")
    assert spelled.source.code == "IRNGOV"


def test_a_defence_minister_is_military_by_title_or_by_term(code_text) -> None:
    meeting = _only(code_text("Hulusi Akar met US officials in Ankara on Monday.", dt.date(2019, 2, 17)), "meeting")
    assert meeting.source.code == "TURMIL"  # his term then: defence minister
    secretary = _only(code_text("US Defense Secretary Jim Mattis met Turkish officials in Ankara.", dt.date(2019, 5, 2)), "meeting")
    assert secretary.source.code == "USAMIL"  # out of office by then: the title decides
    text = "The Jordanian defence minister met his Egyptian counterpart in Cairo on Sunday."
    assert _only(code_text(text), "meeting").target.code == "EGYMIL"  # a counterpart holds the same office


def test_a_person_acting_for_a_group_takes_the_groups_code_in_that_term(code_text) -> None:
    hunted = _only(code_text("US special forces tried to kill Abu Bakr al-Baghdadi in a raid near Raqqa.", dt.date(2018, 6, 1)), "strike")
    assert (hunted.target.code, hunted.target.country, hunted.target.role) == ("IMGMUSISI", None, "REB")


def test_who_suffers_or_repels_an_attack_is_its_target(code_text) -> None:
    repelled = _only(code_text("Iraq said its troops repelled an overnight attack by Iranian Revolutionary Guards near Basra."), "strike")
    assert (repelled.source.country, repelled.target.country) == ("IRN", "IRQ")
    suffered = _only(code_text("The UK has suffered several attacks by Islamist militants in recent years."), "strike")
    assert suffered.target.country == "GBR"


def test_company_exchange_and_central_bank_people_take_their_institution_role(code_text) -> None:
    exchange = _only(code_text("Officials of the Pacific Stock Exchange concluded a ten-day trip to China."), "meeting")
    assert (exchange.source.role, exchange.target.country) == ("BUS", "CHN")
    bank = _only(code_text("Mexican central bank head Miguel Mancera held talks with Peru's president."), "meeting")
    assert bank.source.code == "MEXGOV"


def test_a_real_meeting_stays_asserted_beside_a_modal_perfect_or_a_definite_with(code_text) -> None:
    past = _only(code_text("An inconclusive meeting between Brazil and its creditors can only have stiffened that resolve."), "meeting")
    assert past.cameo_code == "040"
    planned = _only(code_text("Ministers could also meet in parallel with the summit of EU leaders in Brussels on June 29."), "meeting")
    assert planned.cameo_code == "036"


def test_what_will_be_done_at_a_meeting_plans_it(code_text) -> None:
    pressed = _only(code_text("Chancellor Kohl will speak at the Brussels summit."), "meeting")
    assert pressed.cameo_code == "036"


def test_mentions_naming_two_towns_are_two_events(code_text) -> None:
    text = (
        "Turkish jets bombed Afrin on Monday.\n\n"
        "The US provided air cover for the ground operations in Raqqa.\n\n"
        "The bombing of Afrin continued."
    )
    afrin, raqqa, again = [m for m in code_text(text) if m.event_type == "strike"]
    assert raqqa.source is None or raqqa.source.country != "TUR"
    assert again.is_reference and again.source.country == "TUR"


def test_a_held_meeting_dated_before_a_plan_is_not_the_plan(code_text) -> None:
    text = (
        "American and Soviet arms negotiators will resume talks on medium-range missiles in Geneva tomorrow.\n\n"
        "The negotiators last met in Geneva on March 6, 2020."
    )
    plan, held = [m for m in code_text(text) if m.event_type == "meeting"]
    assert plan.cameo_code == "036" and plan.date.date == dt.date(2020, 6, 15)
    assert not held.is_reference and held.date.date == dt.date(2020, 3, 6)


def test_he_is_the_official_of_a_body_named_before(code_text) -> None:
    text = (
        "World Bank president Barber Conable pledged the Bank's support to Indonesia after talks in Jakarta.\n\n"
        "Speaking to reporters after talks with President Suharto, he said he expected more reform."
    )
    talks = [m for m in code_text(text, dt.date(1987, 4, 2)) if m.event_type == "meeting"][-1]
    assert (talks.source.code, talks.target.code) == ("IGOUNODEVWBK", "IDNGOV")


def test_where_an_actor_comes_from_is_its_country(code_text) -> None:
    raid = _only(code_text("Pakistan complained that planes from Afghanistan attacked Pakistani villages."), "strike")
    assert (raid.source.country, raid.target.country) == ("AFG", "PAK")
    talks = _only(code_text("Representatives from Nigeria are meeting officials of Britain's export credit agency today."), "meeting")
    assert talks.source.country == "NGA"
    west_bank = _only(code_text("Palestinians blamed Israel for the bombing in the West Bank city of Tulkarm."), "strike")
    assert west_bank.target.country == "PSE"


def test_a_meeting_awaited_this_week_or_coming_is_planned(code_text) -> None:
    awaited = _only(code_text("Traders were reluctant to sell the dollar before this week's meetings of the Group of Seven."), "meeting")
    assert awaited.cameo_code == "036"
    coming = _only(code_text("Japan called on industrial nations to pledge rate cuts at the coming summit in Venice."), "meeting")
    assert coming.cameo_code == "036"


def test_a_border_does_not_place_an_actor_in_its_country(code_text) -> None:
    strike = _only(code_text("Burmese troops captured a Karen guerrilla stronghold on the Thai border after heavy fighting."), "strike")
    assert strike.target is None or strike.target.country != "THA"


def test_the_coalition_is_the_coalition_named_before_not_the_country_it_fights_in(code_text) -> None:
    text = (
        "The US-led coalition carried out airstrikes near Raqqa on Monday.\n\n"
        "Syrian troops attacked rebels in Idlib on Monday.\n\n"
        "The coalition also targeted opposition factions such as the Free Syrian Army on Monday."
    )
    targeted = [m for m in code_text(text) if m.event_type == "strike"][-1]
    assert targeted.source.code == "USAMIL"


def test_what_a_meeting_discusses_is_its_topic_not_its_party(code_text) -> None:
    summit = _only(code_text("Reagan said he would discuss the Gulf situation with allied leaders at next week's Venice summit."), "meeting")
    assert summit.target is None or summit.target.code != "MEA"
    talks = _only(code_text("Moscow has agreed to discuss the problems of Afghanistan in its talks with Peking."), "meeting")
    assert talks.target.country == "CHN"


def test_attacks_of_a_coordinated_light_verb_and_places_left_out(code_text) -> None:
    attacks = _only(code_text("Isis militants have conducted or inspired attacks in nations other than Iraq and Syria."), "strike")
    assert attacks.source.code == "IMGMUSISI"
    assert attacks.target is None or attacks.target.country not in {"IRQ", "SYR"}


def test_who_suffered_a_strike_in_a_relative_or_passive_clause_is_its_target(code_text) -> None:
    where = _only(code_text("Aid groups condemned the violence in eastern Ghouta, where 500 people were killed in airstrikes."), "strike")
    assert where.source is None and where.target.country == "SYR"
    uprooted = _only(code_text("Civilians in Idlib province have been uprooted by Russian airstrikes."), "strike")
    assert (uprooted.source.country, uprooted.target.code) == ("RUS", "SYRCVL")
    victim = _only(code_text("The park was named for a Kurdistan Democratic Party leader who was killed in a suicide bombing."), "strike")
    assert victim.source is None


def test_a_routine_annual_meeting_is_a_row_only_with_a_state_or_international_body(code_text) -> None:
    bank = _only(code_text("Japanese Finance Minister Kiichi Miyazawa opened the annual meeting of the Asian Development Bank."), "meeting")
    assert {bank.source.code, bank.target.code} == {"JPNGOV", "IGOASADEVADB"}
    assert not [m for m in code_text("UAL will change its name to Allegis at its annual meeting.") if m.event_type == "meeting"]
    setting = "Shareholders approved the plan at the annual meeting in Providence today."  # a city is no setting for a company
    assert not [m for m in code_text(setting) if m.event_type == "meeting"]


def test_an_organs_meeting_is_a_row_only_for_an_international_bodys_organ(code_text) -> None:
    council = _only(code_text("The Security Council meeting on Syria ended without agreement."), "meeting")
    assert council.source.code == "IGOUNO"
    others = (
        "The American Motors board meeting approved the merger.",
        "The National Security Council meeting on Iran ended on Friday.",
        "Economists said no change is likely at next week's Federal Open Market Committee (FOMC) meeting.",
    )
    for text in others:
        assert not [m for m in code_text(text) if m.event_type == "meeting"], text


def test_a_later_bare_mention_of_a_meeting_in_a_political_setting_is_kept(code_text) -> None:
    text = (
        "The finance minister left for Washington to attend yesterday's meetings of leading industrial nations. "
        "In a strongly worded statement, the meeting reaffirmed the Paris Accord."
    )
    meetings = [m for m in code_text(text) if m.event_type == "meeting"]
    assert [(m.sentence_index, m.is_reference) for m in meetings] == [(0, False), (1, True)]
    assert meetings[1].date.date == meetings[0].date.date == dt.date(2020, 6, 14)


def test_an_event_nouns_own_past_date_outweighs_a_later_future(code_text) -> None:
    text = "Economists noted yesterday's meeting between Brazil and Japan was the first in a series and said markets would watch it in the next few weeks."
    meeting = _only(code_text(text), "meeting")
    assert (meeting.cameo_code, meeting.modality, meeting.date.date) == ("040", "asserted", dt.date(2020, 6, 14))


def test_the_failure_of_talks_reports_them_but_a_failure_to_meet_does_not(code_text) -> None:
    failed = _only(code_text("The failure of the UN-sponsored Geneva talks left the opposition isolated."), "meeting")
    assert failed.source.code == "IGOUNO"
    assert not [m for m in code_text("Their failure to meet in March angered Washington.") if m.event_type == "meeting"]


def test_neither_parties_meeting_among_themselves_nor_a_discussed_topic_take_the_venue(code_text) -> None:
    ministers = _only(code_text("Finance ministers met in Paris last week to discuss currencies."), "meeting")
    assert ministers.source.country is None
    partner = _only(code_text("Donald Trump discussed developments in Syria with the Turkish president on Sunday."), "meeting")
    assert (partner.source.code, partner.target.code, partner.cameo_code) == ("USAGOV", "TURGOV", "040")


def test_a_city_name_written_in_lower_case_is_a_word(engine) -> None:
    doc = next(parse_sentences(engine.nlp, ["UAL will change its name at a meeting in Name."]))
    marks = mark_actors(doc, engine.coder.lexicon)
    assert [doc[i].text for i in marks.names] == ["Name"]  # an alternate name of Namur, and "its name" no mention of it
    doc = next(parse_sentences(engine.nlp, ["Police raided a house in east London."]))
    assert [entry.code for entry, _ in mark_actors(doc, engine.coder.lexicon).names.values()] == ["GBR"]  # not East London, ZAF


def test_an_event_its_participle_says_someone_did_is_done_whatever_comes_next(code_text) -> None:
    passed = _only(code_text("The resolution, adopted by the Senate Finance Committee, will now go to the full Senate."), "resolution")
    assert passed.modality == "asserted"
    launched = _only(code_text("The offensive, launched by Turkey in January, will continue until the spring."), "strike")
    assert (launched.modality, launched.source.code) == ("asserted", "TUR")
    hosted = _only(code_text("The summit, hosted by Egypt, will open on Monday."), "meeting")
    assert hosted.cameo_code == "036"  # hosting is no participle of a thing done


def test_those_forces_are_the_forces_of_the_side_named_before(code_text) -> None:
    text = "Syrian troops shelled rebel positions near Hama on Monday.\n\nOn Tuesday those soldiers attacked the town of Latamneh."
    later = [m for m in code_text(text) if m.event_type == "strike" and m.sentence_index == 1]
    assert later and later[0].source.code == "SYRMIL"


def test_naming_an_attack_is_no_appeal_and_tonight_in_the_past_is_earlier_today(code_text) -> None:
    text = "US warships shelled an Iranian oil platform on Monday.\n\nIran called the attacks a crime and promised retaliation."
    named = [m for m in code_text(text, dt.date(1987, 10, 20)) if m.sentence_index == 1]
    assert [m.is_reference for m in named] == [True]
    bomb = _only(code_text("A car bomb exploded at the army headquarters tonight, police said.", dt.date(1987, 3, 24)), "strike")
    assert (bomb.modality, bomb.date.date) == ("asserted", dt.date(1987, 3, 24))
    assert _only(code_text("The ministers will meet tonight.", dt.date(1987, 3, 24)), "meeting").cameo_code == "036"


def test_a_reaction_not_had_leaves_the_event_but_an_act_not_done_drops_it(code_text) -> None:
    kept = _only(code_text("Moscow did not condemn the US strikes on Syrian bases."), "strike")
    assert (kept.source.country, kept.target.country) == ("USA", "SYR")
    assert not [m for m in code_text("The strikes on the bases were not carried out, the ministry said.") if m.event_type == "strike"]


def test_negotiators_speak_for_a_state_not_a_company_and_their_talks_negotiate(code_text) -> None:
    talks = _only(code_text("Negotiators for Canada held talks with US officials in Ottawa on Monday."), "meeting")
    assert (talks.source.code, talks.target.code, talks.cameo_code) == ("CANGOV", "USAGOV", "046")
    company = _only(code_text("Negotiators for General Motors Corp and the Japanese government resumed talks."), "meeting")
    assert company.source is None or company.source.country != "USA"


def test_the_seven_leading_industrial_nations_are_the_g7(code_text) -> None:
    met = _only(code_text("The finance ministers of the seven major industrial countries met today in Washington."), "meeting")
    assert met.source.code == "IGOGOSGOV"


def test_a_visitor_come_for_talks_naming_no_partner_meets_the_host_government(code_text) -> None:
    visit = _only(code_text("US Treasury Secretary James Baker arrived in Tokyo for talks on Monday."), "meeting")
    assert (visit.source.country, visit.target.code, visit.cameo_code) == ("USA", "JPNGOV", "042")
    home = _only(code_text("Japanese Finance Minister Kiichi Miyazawa flew to Tokyo for talks on Monday."), "meeting")
    assert home.target is None
    venue = _only(code_text("Ministers made a pledge at the Paris monetary conference in February."), "meeting")
    assert venue.source is None or venue.source.country != "FRA"


def test_talks_involving_two_parties_are_between_them(code_text) -> None:
    talks = _only(code_text("Talks involving Iran and Iraq resumed in Geneva on Monday."), "meeting")
    assert (talks.source.code, talks.target.code) == ("IRN", "IRQ")


def test_no_reports_or_sign_of_an_event_is_none(code_text) -> None:
    assert not [m for m in code_text("There were no reports of clashes between troops and rebels near Hama.") if m.event_type == "strike"]
    assert not [m for m in code_text("There was no sign of fighting in the city on Tuesday.") if m.event_type == "strike"]


def test_who_is_engaged_or_involved_in_fighting_fights(code_text) -> None:
    fight = _only(code_text("Turkish troops have been involved in clashes with the PKK near the border."), "strike")
    assert (fight.source.code, fight.target.country) == ("TURMIL", "TUR")


def test_who_a_call_or_visit_comes_from_is_its_source(code_text) -> None:
    call = _only(code_text("Erdogan received a phone call later that day from the Russian president, Vladimir Putin."), "meeting")
    assert (call.cameo_code, call.source.country, call.target.country) == ("041", "RUS", "TUR")
    visit = _only(code_text("The Egyptian president received a visit from the Iranian foreign minister on Monday."), "meeting")
    assert (visit.source.country, visit.target.country) == ("IRN", "EGY")
    assert not [m for m in code_text("The general made a call to arms in a speech to the troops.") if m.event_type == "meeting"]


def test_a_possessor_of_a_named_apposition_is_someone_else(code_text) -> None:
    text = "Ankara changed its tune after Erdoğan received a phone call later that day from Assad’s main backer, the Russian president, Vladimir Putin."
    call = _only(code_text(text), "meeting")
    assert call.source.country == "RUS"


def test_ethnic_groups_episodes_and_states_of_the_union_are_no_countries(code_text) -> None:
    killed = _only(code_text("Serb forces killed three ethnic Albanians in a gunbattle in southeastern Serbia on Friday."), "strike")
    assert (killed.source.country, killed.target.country) == ("SRB", "SRB")
    bombing = code_text("Two suicide bombers blew themselves up in Tel Aviv in the worst attack in the current Palestinian uprising.")
    assert {m.target.country for m in bombing if m.event_type == "strike" and m.target} == {"ISR"}
    talks = _only(code_text("Baker held talks on the budget with Senator Pete Domenici of New Mexico on Tuesday."), "meeting")
    assert talks.target is None or talks.target.country != "MEX"
    committee = _only(code_text("Shultz met members of the House Foreign Affairs Committee on Tuesday."), "meeting")
    assert committee.target.code == "USALEG"


def test_coordinated_strikes_share_the_side_hung_on_the_last(code_text) -> None:
    strikes = [m for m in code_text("The airstrikes and shelling by Syrian government forces continued on Monday.") if m.event_type == "strike"]
    assert {m.cameo_code for m in strikes} == {"194", "195"}
    assert {m.source.country for m in strikes} == {"SYR"}
    # the parser makes "shelling" a verb of its own: the words between the triggers say they are coordinated
    misread = "Almost 200 civilians have been killed in dozens of airstrikes and shelling by forces loyal to Syria's Bashar al-Assad."
    assert {m.source.code for m in code_text(misread, dt.date(2018, 2, 21)) if m.event_type == "strike"} == {"SYRMIL"}
    assert all(m.source is None for m in code_text("Iran condemned the attack on a Kuwaiti ship and comments by American officials.") if m.event_type == "strike")


def test_partners_hung_after_a_date_are_the_meetings(code_text) -> None:
    meeting = _only(code_text("He said the offer would be made at a meeting later this month between Yeutter and Japanese officials."), "meeting")
    assert meeting.cameo_code == "036" and meeting.target.code == "JPNGOV"
    visit = _only(code_text("Speculation rose in the run-up to Secretary of State George Shultz' visit later this month to Moscow.",
                            dt.date(1987, 4, 10)), "meeting")
    assert (visit.cameo_code, visit.source.code, visit.target.country) == ("036", "USAGOV", "RUS")


def test_a_place_that_experienced_attacks_was_struck_and_missiles_are_not_aerial(code_text) -> None:
    attacks = _only(code_text("Both Damascus and Riyadh experienced missile attacks on Tuesday."), "strike")
    assert (attacks.cameo_code, attacks.target.country) == ("194", "SYR")


def test_what_is_said_of_a_known_strike_leaves_it_reported(code_text) -> None:
    known = _only(code_text("The Spanish minister said the U.S. strike could be considered an act of self-defence."), "strike")
    assert (known.modality, known.source.country) == ("asserted", "USA")
    assert not [m for m in code_text("The strike could be carried out within hours.") if m.event_type == "strike"]
    judged = _only(code_text("The Geneva meeting is considered by most countries to have been successful."), "meeting")
    assert judged.modality == "asserted"
    assert not [m for m in code_text("He argued that joining a US strike would be folly.") if m.event_type == "strike"]
    text = "Turkish jets bombed Kurdish positions near Afrin on Sunday. Damascus did not comment, but has condemned Turkey's intervention."
    reference = [m for m in code_text(text) if m.event_type == "strike" and m.sentence_index == 1]
    assert len(reference) == 1 and reference[0].is_reference and reference[0].source.country == "TUR"
    later = "Poland will host a summit on Iran. The EU was not consulted before Mike Pompeo, the US secretary of state, announced the summit."
    assert [m.is_reference for m in code_text(later) if m.event_type == "meeting" and m.sentence_index == 1] == [True]
    assert not [m for m in code_text("Russia has not attacked and bombed the town.") if m.event_type == "strike"]


def test_a_leaders_forces_take_his_country_and_their_role(code_text) -> None:
    shelling = _only(code_text("Assad's Russia-backed forces shelled the rebel-held town on Monday."), "strike")
    assert shelling.source.code == "SYRMIL"
    spokesman = _only(code_text("Erdogan's spokesman met the Russian ambassador on Monday."), "meeting")
    assert spokesman.source.code == "TURGOV"


def test_a_meeting_someone_is_likely_or_expected_to_act_at_is_planned_unless_that_was_past(code_text) -> None:
    likely = _only(code_text("West German officials are likely to emphasise at the Venice summit that demand is rising."), "meeting")
    assert (likely.cameo_code, likely.modality) == ("036", "planned")
    past = _only(code_text("Reagan was expected to raise the issue at the summit in Venice last week.", dt.date(1987, 6, 20)), "meeting")
    assert past.modality == "asserted"


def test_officials_of_an_organisation_the_dictionary_does_not_know_are_a_companys(code_text) -> None:
    assert not [m for m in code_text("Borg-Warner officials met with the union on Tuesday.") if m.event_type == "meeting"]
    ministry = _only(code_text("Japanese Finance Ministry officials met IMF staff on Tuesday."), "meeting")
    assert ministry.source.code == "JPNGOV"


def test_who_suffered_injuries_or_losses_from_an_attack_was_its_target(code_text) -> None:
    text = "He quit after suffering injuries from the bombing by the Kurdish YPG in Kobane."
    bombing = _only(code_text(text, dt.date(2017, 8, 13)), "strike")
    assert (bombing.source.code, bombing.target.text) == ("SYRREB", "He")


def test_two_named_forces_of_one_country_can_fight_each_other(code_text) -> None:
    attack = _only(code_text("Baghdad troops attacked the Peshmerga in Kirkuk.", dt.date(2017, 10, 20)), "strike")
    assert (attack.source.code, attack.target.code) == ("IRQMIL", "IRQMIL")


def test_the_subject_of_a_passive_raising_verb_is_who_meets(code_text) -> None:
    text = "Mexican energy minister Alfredo del Mazo is also expected to meet soon with his Peruvian counterpart."
    meeting = _only(code_text(text, dt.date(1987, 3, 1)), "meeting")
    assert (meeting.cameo_code, meeting.source.country, meeting.target.country) == ("036", "MEX", "PER")


def test_who_is_on_a_visit_is_the_visitor_also_in_the_passive(code_text) -> None:
    text = "On a visit to Tokyo, Treasury Secretary James Baker was received by Prime Minister Nakasone."
    visit = _only(code_text(text, dt.date(1987, 3, 1)), "meeting")
    assert (visit.source.country, visit.target.country) == ("USA", "JPN")


def test_talks_a_scheduled_arrival_is_for_are_planned_and_the_travellers(code_text) -> None:
    text = "It was announced before the scheduled arrival of U.S. Commerce Secretary Malcolm Baldrige for talks with South Korean officials."
    talks = _only(code_text(text, dt.date(1987, 3, 1)), "meeting")
    assert (talks.cameo_code, talks.source.country, talks.target.country) == ("036", "USA", "KOR")


def test_latin_american_is_a_region_not_the_united_states(code_text) -> None:
    meeting = _only(code_text("The meeting of Latin American ministers was held in Lima on Monday.", dt.date(1987, 3, 1)), "meeting")
    assert (meeting.source.code, meeting.source.country) == ("LAM", None)


def test_who_died_in_an_attack_and_who_it_supported_are_no_attackers(code_text) -> None:
    died = _only(code_text("The monitor says 523 civilians have died in two months of fighting.", dt.date(2017, 8, 11)), "strike")
    assert (died.source, died.target.role) == (None, "CVL")
    supported = _only(code_text("The coalition has launched hundreds of airstrikes in support of the ground forces.",
                                dt.date(2017, 8, 11)), "strike")
    assert supported.target is None
    dozens = _only(code_text("Almost 200 civilians have been killed in dozens of airstrikes."), "strike")
    assert dozens.target.role == "CVL"


def test_a_meeting_awaited_beside_another_is_a_second_meeting_between_its_own_parties(code_text) -> None:
    text = ("The market is watching for a meeting between U.S. Treasury Secretary James Baker and Japanese Finance "
            "Minister Kiichi Miyazawa later today ahead of the G-7 meeting, dealers said.")
    meetings = [m for m in code_text(text, dt.date(1987, 4, 8)) if m.event_type == "meeting"]
    assert sorted((m.source.code, m.target.code if m.target else None) for m in meetings) == [
        ("IGOGOS", None), ("USAGOV", "JPNGOV")]
    host = _only(code_text("Morocco will host a meeting between Israeli officials and the PLO.", dt.date(1987, 4, 8)), "meeting")
    assert host.source.country == "MAR"


def test_people_from_several_countries_who_meet_are_the_meetings_parties(code_text) -> None:
    meeting = _only(code_text("Ministers from Iran and Iraq met in Geneva on Monday.", dt.date(1987, 3, 13)), "meeting")
    assert (meeting.source.code, meeting.target.code, meeting.cameo_code) == ("IRNGOV", "IRQGOV", "044")


def test_two_triggers_of_one_meeting_pool_their_setting_and_date(code_text) -> None:
    text = ("A special meeting between importing and exporting countries ended in a deadlock late yesterday after eight "
            "days of talks over how to set the quotas.")
    meeting = _only(code_text(text, dt.date(1987, 3, 3)), "meeting")
    assert (meeting.cameo_code, meeting.date.date) == ("046", dt.date(1987, 3, 2))


def test_what_a_reprisal_answers_happened_though_the_reprisal_is_to_come(code_text) -> None:
    text = "Iranian Premier Mir-Hossein Mousavi reiterated his country would retaliate for U.S. navy attacks on Gulf oil platforms."
    attacks = _only(code_text(text, dt.date(1987, 10, 20)), "strike")
    assert (attacks.modality, attacks.source.country) == ("asserted", "USA")
    assert not [m for m in code_text("Iran said it would respond with attacks on US bases.") if m.event_type == "strike"]


def test_the_purpose_of_a_journey_to_come_is_planned(code_text) -> None:
    text = "The central bank president will go to Washington next week to take part in a meeting of the Inter American Development Bank."
    meeting = _only(code_text(text, dt.date(1987, 3, 1)), "meeting")
    assert (meeting.cameo_code, meeting.source.code) == ("036", "IGONAMDEV")
    went = _only(code_text("The minister went to Washington to take part in a meeting of the Inter-American Development Bank.",
                           dt.date(1987, 3, 1)), "meeting")
    assert went.cameo_code == "040"


def test_forces_with_no_country_in_a_states_report_of_a_strike_abroad_are_its_own(code_text) -> None:
    def attacker(text: str):
        return _only(code_text(text, dt.date(1987, 4, 7)), "strike").source.code

    assert attacker("Iraq said warplanes attacked two Iranian tankers in the Gulf.") == "IRQMIL"
    assert attacker("Iran said warplanes attacked Iranian cities.") == "MIL"  # the enemy's planes
    assert attacker("Kuwait said warplanes attacked a tanker.") == "MIL"  # no country struck
    assert attacker("Iran's news agency said troops killed 300 Iraqis.") == "MIL"  # not a state's own voice


def test_a_meeting_of_a_day_gone_by_refers_to_the_one_reported(code_text) -> None:
    text = ("Brazil's finance minister met U.S. Treasury Secretary James Baker in Washington yesterday. "
            "The question of the debt was not resolved at yesterday's meeting, officials said.")
    meetings = [m for m in code_text(text, dt.date(1987, 3, 23)) if m.event_type == "meeting"]
    assert [(m.sentence_index, m.is_reference, m.source.country) for m in meetings] == [(0, False, "BRA"), (1, True, "BRA")]


def test_its_attack_is_the_state_whose_attack_the_article_reported_last(code_text) -> None:
    text = "Israeli jets struck a Syrian airbase on Monday. Its overnight bombing raid was not about avenging Douma."
    raid = [m for m in code_text(text) if m.event_type == "strike" and m.sentence_index == 1]
    assert [m.source.code for m in raid] == ["ISRMIL"]
    group = "US jets bombed Raqqa on Monday. Isis said its fighters attacked Kurdish positions."
    fighters = [m for m in code_text(group) if m.event_type == "strike" and m.sentence_index == 1]
    assert [m.source.country for m in fighters] == [None]  # its: Isis, named in its own sentence


def test_a_summit_someone_will_leave_for_is_planned(code_text) -> None:
    text = "Reagan will discuss the issue with Volcker before leaving for the Venice summit on Wednesday."
    summit = _only(code_text(text, dt.date(1987, 5, 29)), "meeting")
    assert summit.cameo_code == "036"
    left = _only(code_text("Reagan discussed the issue with Volcker before leaving for the Venice summit.", dt.date(1987, 5, 29)), "meeting")
    assert left.cameo_code != "036"


def test_an_event_someone_is_to_conclude_or_failed_to_end_is_under_way(code_text) -> None:
    for text in ("Japan and the United States expect to conclude the talks by August.",
                 "Iran and Iraq failed to conclude the talks."):
        talks = _only(code_text(text, dt.date(1987, 3, 31)), "meeting")
        assert (talks.cameo_code, talks.modality, talks.date.source) == ("040", "asserted", "publication"), text


def test_a_legislatures_appeal_to_its_own_government_targets_the_state_it_is_about(code_text) -> None:
    day = dt.date(1987, 4, 1)
    for text, target in (
        ("The U.S. Senate Finance Committee this week called on President Reagan in a non-binding resolution to retaliate against Japan.", "JPN"),
        ("The U.S. Senate Finance Committee approved nonbinding resolutions urging the Reagan administration oppose Canada's ruling on corn imports.", "CAN"),
        ("The U.S. Senate passed a resolution urging President Reagan to veto the trade bill.", "USA"),
        ("The Security Council adopted a resolution calling on Iraq to withdraw from Kuwait.", "IRQ"),
    ):
        assert _only(code_text(text, day), "resolution").target.country == target, text


def test_a_delegate_at_a_bodys_meeting_is_its_party_and_the_body_the_other(code_text) -> None:
    text = "Washington views the plan with concern, a U.S. delegate at the Asian Development Bank's annual meeting said."
    meeting = _only(code_text(text, dt.date(1987, 4, 29)), "meeting")
    assert (meeting.source.code, meeting.target.code) == ("USAGOV", "IGOASADEVADB")


def test_a_body_with_no_code_of_its_own_is_the_side_of_its_meetings_later_mentions(code_text) -> None:
    text = ("Executive board members of the International Coffee Organization passed over the issue of quotas at its "
            "regular meeting here, delegates said. No further discussion on the issue is likely during the three-day "
            "talks, they said.")
    talks = [m for m in code_text(text, dt.date(1987, 3, 31)) if m.event_type == "meeting" and m.sentence_index == 1]
    assert len(talks) == 1 and talks[0].is_reference and talks[0].source.code == "IGO"


def test_the_doer_hung_on_a_series_of_attacks_is_the_attacker(code_text) -> None:
    text = "A series of airstrikes by Russian jets in the past 24 hours killed about 120 Islamic State fighters, Russia's defence ministry said."
    strike = _only(code_text(text, dt.date(2017, 10, 1)), "strike")
    assert (strike.cameo_code, strike.source.code, strike.target.code) == ("195", "RUSMIL", "IMGMUSISI")


def test_rebels_struck_with_no_country_are_of_the_country_whose_towns_are_named(code_text) -> None:
    text = "Idlib has seen an increase in bloodshed as Syrian and Russian jets have bombed rebel-held positions."
    assert {m.target.code for m in code_text(text) if m.event_type == "strike"} == {"SYRREB"}
    assert _only(code_text("Jets bombed rebel-held positions, residents of Idlib said."), "strike").target.code == "SYRREB"
    assert _only(code_text("Jets bombed rebel-held positions, residents of Idlib and Mosul said."), "strike").target.code == "REB"


def test_an_arm_named_beside_a_country_on_an_attack_noun_gives_its_role(code_text) -> None:
    onslaught = _only(code_text("A Syrian air force onslaught has continued against rebel-held areas."), "strike")
    assert (onslaught.cameo_code, onslaught.source.code) == ("195", "SYRMIL")
    assert _only(code_text("A Turkish army offensive began in Afrin on Saturday."), "strike").source.code == "TURMIL"


def test_two_coordinated_meetings_of_different_bodies_are_two_events(code_text) -> None:
    text = ("She said next month's meeting of the Organisation for Economic Cooperation and Development and the "
            "meeting of leaders of the G-7 nations in Venice would be a forum.")
    meetings = [m for m in code_text(text, dt.date(1987, 4, 20)) if m.event_type == "meeting"]
    assert sorted((m.source.code, m.target) for m in meetings) == [("IGOGOS", None), ("IGOWSTBUS", None)]
