"""The synthetic CV corpus every benchmark uses: seeded, reproducible, with ground truth.

The model
  * N people in research groups (a PI and 4–29 members: PhD and MSc students, postdocs,
    research scientists in industry labs) inside eight fields (ml, cv, nlp, stats, robotics,
    systems, bio, physics), each field with its real venues (NeurIPS, ICML, CVPR, ACL, JASA,
    Annals of Statistics, ICRA, OSDI, Nature, PRL, …) written in many surface forms
    ("NeurIPS 2023", "Advances in Neural Information Processing Systems 36", "NIPS",
    "Proc. of the 40th International Conference on Machine Learning (ICML)").
  * Names from multi-cultural pools (pinyin with optional hanzi, Wade–Giles, Korean, Japanese,
    Vietnamese, Indian, Arabic, Persian, Turkish, Spanish/Portuguese double surnames and
    particles, Italian "Di", Dutch "van der", German umlauts, French accents, Nordic, Slavic,
    English). Deliberate homonyms (distinct people with exactly the same name, mostly in
    other fields, some in the same one) and near-homonyms ("Shuning Shang" / "Shuting Shen").
  * Every CV writes its co-authors its own way: initials ("J. Zhang", "Zhang, J.", "C.-C. Lin"),
    surname first ("ZHANG Jingzhao"), camel/space splits ("JingZhao", "Jing Zhao"), dropped
    accents, particles in other case ("di Stefano"), middle initials added or dropped,
    transliterations ("Mueller"), rare one-letter typos; BibTeX files may use LaTeX accents.
  * Heavy-tailed productivity; co-authors from the own group plus partner groups (so CVs of
    different people share co-authors), industry interns with hosts, 1–15 authors, rare
    40–100-author consortium papers, "et al." truncation, equal-contribution marks, statuses
    (published / to appear / submitted / arXiv preprint), titles from a word grammar with
    per-CV variants (case, trailing period, outdated preprint listing of a published paper).
  * Careers: BSc → (MSc) → PhD with an advisor → postdoc / faculty / industry, internships
    with hosts; organizations with aliases (PKU, UC Berkeley, ETH Zürich, …).

Usage
    python benchmarks/corpus.py --people 2000 --seed 7 --out /tmp/corpus [--formats md,txt,bib]

writes OUT/cvs/ (one .md or .txt per CV; a folder with cv.md + publications.bib for BibTeX
CVs) and OUT/truth/ (cvs.jsonl, people.jsonl, papers.jsonl, groups.jsonl, venues.jsonl,
orgs.jsonl, stats.json). Library: ``generate(out, people, seed, formats)`` writes files and
returns stats; ``iter_mentions(people, seed)`` yields the same author mentions with their true
person ids without writing anything (for resolution benchmarks at 1 M mentions).
"""
from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
import time
import unicodedata
from pathlib import Path

Y0, Y1 = 2005, 2025  # publication years
FORMATS = ("md", "txt", "bib")
FIELDS = ("ml", "cv", "nlp", "stats", "robotics", "systems", "bio", "physics")
FIELD_W = (25, 14, 12, 12, 9, 8, 11, 9)
INDUSTRY_FIELDS = ("ml", "cv", "nlp", "robotics", "systems")

# ============================================================================ names
# pinyin syllable -> candidate characters (homonyms in pinyin may differ in hanzi)
ZH_SYL = dict(x.split(":") for x in """
bai:白柏 bao:宝保 bei:贝蓓 bin:斌彬 bo:博波 can:灿 ce:策 chang:畅昌 chao:超朝 chen:晨辰 cheng:成诚
chi:驰 chong:崇 chu:楚 chuan:川 chun:春纯 cong:聪 da:达 dan:丹 de:德 di:迪 dong:东栋 dou:豆
du:笃 duo:铎 fan:凡帆 fang:芳方 fei:飞菲 feng:峰锋 fu:福富 gang:刚 ge:歌 guang:光 gui:桂
guo:国果 hai:海 han:涵翰 hang:航 hao:浩昊 he:和贺 heng:恒 hong:宏鸿 hua:华 huai:怀 huan:欢焕
hui:慧辉 jia:佳嘉 jian:建剑 jiang:江 jie:杰洁 jin:金锦 jing:静晶京 jun:俊军 kai:凯开 kang:康
ke:可柯 kun:坤 lan:兰岚 lang:朗 le:乐 lei:磊蕾 li:丽立 liang:亮良 lin:林琳 ling:玲凌 long:龙
lu:璐露 lun:伦 luo:洛 man:曼 mei:美梅 meng:梦萌 miao:淼 min:敏民 ming:明铭 mo:墨 mu:沐
na:娜 nan:楠南 ning:宁凝 pei:培佩 peng:鹏 ping:平萍 qi:琪奇 qian:倩谦 qiang:强 qiao:乔
qin:琴勤 qing:清晴 qiu:秋 quan:全泉 ran:然冉 rong:荣蓉 ru:如 rui:瑞睿 ruo:若 sen:森 shan:珊山
shao:韶 shen:深 sheng:晟胜 shi:诗世 shu:书舒 shuang:双 shuo:硕 si:思斯 song:松 su:素 tai:泰
tao:涛韬 teng:腾 tian:天田 ting:婷霆 tong:彤童 wei:伟维 wen:文雯 xi:曦希 xia:霞 xian:贤娴
xiang:翔祥 xiao:晓小 xin:欣鑫 xing:星兴 xiong:雄 xiu:秀 xu:旭煦 xuan:轩萱 xue:雪学 xun:迅
ya:雅亚 yan:燕妍 yang:阳洋 yao:瑶耀 ye:烨 yi:一怡 yin:音 ying:颖莹 yong:勇永 you:优 yu:宇雨
yuan:远媛 yue:悦越 yun:云韵 ze:泽 zhan:展 zhao:钊昭 zhe:哲 zhen:振真 zheng:正政 zhi:志智
zhong:忠 zhou:舟 zhu:竹 zi:子梓 zong:宗 zun:尊""".split())
ZH_FAM = dict(x.split(":") for x in """
Zhang:张 Wang:王 Li:李 Liu:刘 Chen:陈 Yang:杨 Huang:黄 Zhao:赵 Wu:吴 Zhou:周 Xu:徐 Sun:孙 Ma:马
Zhu:朱 Hu:胡 Guo:郭 He:何 Lin:林 Gao:高 Luo:罗 Zheng:郑 Liang:梁 Xie:谢 Song:宋 Tang:唐 Han:韩
Feng:冯 Deng:邓 Cao:曹 Peng:彭 Zeng:曾 Xiao:肖 Shang:尚 Shen:沈 Tian:田 Dong:董 Pan:潘 Yuan:袁
Cai:蔡 Jiang:蒋 Yu:余 Du:杜 Ye:叶 Cheng:程 Wei:魏 Su:苏 Lu:陆 Ding:丁 Ren:任 Yao:姚 Fu:傅
Zhong:钟 Jin:金 Qian:钱 Fan:范 Fang:方 Shi:石 Bai:白 Kong:孔 Mao:毛 Qin:秦 Gu:顾 Hou:侯 Meng:孟
Wen:文 Yin:尹 Lei:雷 Long:龙 Duan:段 Hao:郝 Kang:康 Qiu:邱 Xue:薛 Yan:严 Niu:牛 Ouyang:欧阳
Sima:司马 Zhuge:诸葛 Shangguan:上官""".split())
ZH_SYLS = list(ZH_SYL)
ZH_FAMS = list(ZH_FAM)
ZH_FAM_CW = list(itertools.accumulate(4 if i < 10 else 1 for i in range(len(ZH_FAMS))))
TW_SYL = ("Chi Chih Chia Chien Chun Hsin Hsiu Hsuan Hsiang Hung Jen Kuan Kuo Ming Po Shih Tsung Ting Tzu "
          "Wei Wen Yen Yi Yu Yun Chung Cheng Fu Hao Hui Kai Li Mei Pei Sheng Ya Yao Ying").split()
TW_FAM = ("Chang Chen Lin Huang Wu Tsai Hsu Cheng Chiang Kuo Liao Hsieh Chou Yeh Lai Lu Tseng Chiu Tu "
          "Chao Hung Su Kao Wang Li Liu Yang").split()
KO_SYL = ("Min Ji Seo Jun Hyun Woo Su Eun Dong Ha Sun Ye Jin Tae Yang Sang Hoon Young Jae Seung Kyung "
          "Hye Won Joon Yeon Ho Sung Chan Do Hee Bin Gyu Mi Na Ra Yoon Hwan Kwang Myung").split()
KO_FAM = ("Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong "
          "Jeon Ko Moon Yang Son Bae Baek Heo Nam Noh").split()
JP_GIVEN = ("Hiroshi Yuki Takashi Kenji Akira Sakura Haruto Yui Daisuke Naoko Kazuki Masashi Ryo Shun Taro "
            "Aiko Keiko Satoshi Tomoko Yusuke Kōji Yūta Shōta Kōhei Masato Takumi Hikaru Emi Ayumi Makoto "
            "Kenta Naoki Shinji").split()
JP_FAM = ("Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada "
          "Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Mori Ikeda Hashimoto Ōno Satō Kōno "
          "Ōta Saitō").split()
VI_GIVEN = ("Văn An|Thị Hoa|Minh Quân|Đức Anh|Thanh Hương|Quốc Bảo|Ngọc Lan|Hoàng Nam|Tuấn Anh|Thu Trang|"
            "Minh Trí|Bảo Châu|Khánh Linh|Quang Huy|Thành Long|Hải Yến").split("|")
VI_FAM = "Nguyễn Trần Lê Phạm Hoàng Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý".split()
POOLS = {  # culture: (given names, family names); "|"-separated
    "in": ("Aarav|Priya|Rohan|Ananya|Vikram|Sneha|Arjun|Kavya|Rahul|Ishaan|Meera|Siddharth|Aditya|Deepak|"
           "Pooja|Nikhil|Shreya|Karthik|Lakshmi|Varun|Divya|Sanjay|Anjali|Rajesh|Suresh|Harsha|Akshay|Neha|"
           "Tanvi|Abhishek|Gaurav|Venkatesh|Srinivas|Krishna|Pranav|Aishwarya|Manish|Ravi|Amit|Ankit|Swati|"
           "Vivek|Anirudh|Sandeep|Tejas|Riya|Sai Praneeth|Venkata Ramana|Sri Harsha",
           "Sharma|Patel|Gupta|Singh|Kumar|Reddy|Iyer|Nair|Menon|Rao|Agarwal|Banerjee|Chatterjee|Mukherjee|"
           "Das|Bose|Joshi|Kulkarni|Desai|Mehta|Shah|Verma|Mishra|Pandey|Tiwari|Srivastava|Krishnan|"
           "Subramanian|Raghavan|Venkataraman|Bhattacharya|Chakraborty|Ghosh|Sen|Pillai|Hegde|Shetty|"
           "Kapoor|Malhotra|Chopra|Bhatt|Saxena|Jain|Goyal|Bansal"),
    "ar": ("Omar|Layla|Youssef|Amira|Karim|Nour|Hassan|Salma|Tariq|Rania|Ahmed|Mohamed|Mohammad|Ali|Fatima|"
           "Khaled|Mariam|Mustafa|Hussein|Ibrahim|Yasmin|Rami|Samir|Leila|Hana|Ziad|Walid|Mona|Adel|Bilal|"
           "Dina|Faisal|Huda|Jamal|Laith|Nabil|Reem|Sami|Tamer",
           "Haddad|Khalil|Nasser|Saleh|Mansour|Farouk|Al-Farsi|Al-Sayed|El-Amin|Abdallah|Hamdan|Aziz|"
           "Darwish|Habib|Jaber|Kassem|Mahmoud|Najjar|Qasim|Rahman|Shaheen|Suleiman|Zaki|El Khoury|"
           "Al-Hashimi|Abu-Ghazaleh|Al-Khatib|Bou Saab"),
    "fa": ("Ali|Reza|Mehdi|Sara|Maryam|Hossein|Amir|Parisa|Farzad|Niloofar|Arash|Shirin|Babak|Nasim|Kaveh|"
           "Golnaz|Pouya|Mahsa|Ehsan|Yasaman|Mohammad Reza|Amir Hossein",
           "Hosseini|Ahmadi|Mohammadi|Rezaei|Karimi|Moradi|Jafari|Tehrani|Ghorbani|Sadeghi|Rahimi|Kazemi|"
           "Hashemi|Nikpour|Farahani|Mousavi|Shirazi|Esfahani"),
    "tr": ("Mehmet|Ayşe|Emre|Zeynep|Burak|Elif|Çağlar|Gökhan|Selin|Barış|Deniz|Ece|Onur|Merve|Kaan|İlker|"
           "Şule|Oğuz", "Yılmaz|Kaya|Demir|Şahin|Çelik|Öztürk|Aydın|Doğan|Kılıç|Arslan|Koç|Kurt|Özdemir|"
           "Erdoğan|Güneş|Aksoy"),
    "es": ("Luis|María|José|Carmen|Javier|Lucía|Diego|Sofía|Andrés|Valentina|Mateo|Camila|Alejandro|Isabel|"
           "Fernando|Gabriela|Ricardo|Daniela|Sebastián|Paula|Joaquín|Mariana|Pablo|Inés|Raúl|Ángel|Martín|"
           "Beatriz|Gonzalo|Rocío|Juan Carlos|María José|Juan Pablo|José Luis|Ana Belén|João|Tiago|Gonçalo|"
           "Catarina|Vinícius|Letícia|Thiago|Rodrigo|Bruna",
           "García|Márquez|Fernández|López|González|Ruiz|Rodríguez|Martínez|Pérez|Sánchez|Gómez|Díaz|"
           "Hernández|Álvarez|Romero|Navarro|Torres|Domínguez|Vázquez|Ramos|Gil|Serrano|Molina|Ortega|"
           "Castro|Rubio|Soler|Silva|Santos|Oliveira|Souza|Costa|Pereira|Almeida|Carvalho|Ribeiro|Ferreira"),
    "it": ("Luca|Giulia|Marco|Francesca|Matteo|Chiara|Alessandro|Elena|Davide|Sara|Giovanni|Federica|"
           "Simone|Valentina|Andrea|Lorenzo|Martina|Riccardo|Alessia|Stefano|Paolo|Roberta|Niccolò",
           "Rossi|Bianchi|Esposito|Romano|Ferrari|Ricci|Marino|Greco|Bruno|Gallo|Conti|Costa|Giordano|"
           "Mancini|Lombardi|Moretti|Barbieri|Fontana|Santoro|Rinaldi|Caruso|Di Stefano|De Luca|Di Marco|"
           "D'Angelo|Lo Russo|La Rosa|Dell'Acqua|De Santis|Di Giovanni|De Rosa|Del Vecchio|Di Pietro"),
    "de": ("Jürgen|Anja|Lukas|Hannah|Felix|Lena|Tobias|Miriam|Jonas|Sophie|Björn|Jörg|Günter|Uwe|Katrin|"
           "Matthias|Stefan|Julia|Maximilian|Florian|Sebastian|Johannes|Bernhard|Kerstin|Ralf|Dörte|Klaus",
           "Müller|Schmidt|Schneider|Fischer|Weber|Wagner|Becker|Schulz|Hoffmann|Schäfer|Koch|Bauer|"
           "Richter|Klein|Wolf|Schröder|Neumann|Schwarz|Zimmermann|Braun|Krüger|Hofmann|Hartmann|Lange|"
           "Schmitt|Werner|Krause|Meier|Lehmann|Köhler|Böhm|Günther|Groß|Weiß|Jäger|Vogel|Pöhler|"
           "von Luxburg|von der Heide"),
    "fr": ("Sébastien|Amélie|Hélène|Théo|Céline|Jérôme|Zoé|Benoît|Léa|Étienne|François|Élodie|Mathieu|"
           "Julien|Camille|Aurélien|Gaëlle|Loïc|Maël|Anaïs|Clément|Noémie|Rémi|Cécile|Frédéric|Stéphane|"
           "Hugo|Manon|Antoine|Marie-Claire|Jean-Baptiste|Jean-Philippe|Pierre-Yves|Anne-Sophie",
           "Lefèvre|Dubois|Moreau|Laurent|Girard|Bonnet|Rousseau|Ourselin|Fontaine|Chevalier|Lambert|"
           "Mercier|Blanc|Guérin|Boyer|Garnier|Faure|Roux|Bérard|Lemaître|Perrin|Gauthier|Duval|Lefebvre|"
           "Picard|Renaud|Brémond|Dupré|Le Goff|Le Roux|de Rosnay|Du Bois"),
    "nl": ("Daan|Sanne|Joris|Femke|Bram|Lotte|Pieter|Maarten|Sjoerd|Anouk|Bas|Floor|Jeroen|Wouter|Thijs|"
           "Ruben|Eline|Marieke|Koen|Hendrik",
           "van der Berg|de Vries|van Dijk|Bakker|Visser|Jansen|de Jong|van den Heuvel|van der Meer|Smit|"
           "Mulder|de Boer|Vermeulen|van Leeuwen|Dekker|van der Linden|Kok|Hendriks|van Beek|ter Haar"),
    "nordic": ("Lars|Ingrid|Erik|Astrid|Magnus|Sigrid|Henrik|Freja|Anders|Kari|Søren|Åsa|Bjørn|Nils|Elin|"
               "Johan|Maja|Oskar|Linnea|Jens|Kirsten|Mikael|Tove",
               "Andersen|Johansson|Nilsson|Larsen|Hansen|Eriksson|Lindqvist|Bergström|Sørensen|Halvorsen|"
               "Åberg|Jørgensen|Nyström|Karlsson|Lundberg|Holm|Dahl|Sjöberg|Öberg|Kristiansen|Thorsen"),
    "slavic": ("Ivan|Olga|Dmitri|Natalia|Sergei|Anna|Pavel|Tatiana|Alexei|Ekaterina|Mikhail|Irina|Andrei|"
               "Elena|Yuri|Marta|Piotr|Katarzyna|Tomasz|Agnieszka|Jakub|Zofia|Jiří|Petra|Luboš|Vojtěch|"
               "Bogdan|Milena|Nikola|Dragan",
               "Ivanov|Petrova|Smirnov|Kuznetsova|Popov|Sokolov|Lebedev|Novak|Kowalski|Nowak|Wiśniewski|"
               "Wójcik|Dvořák|Novotný|Černý|Horvat|Jovanović|Petrović|Nikolić|Kovačević|Yakovlev|Volkov|"
               "Zaytsev|Łukasiewicz"),
    "en": ("James|Emily|Michael|Sarah|David|Laura|Daniel|Rachel|Thomas|Anna|Peter|Kate|John|Mary|Robert|"
           "Jennifer|William|Elizabeth|Richard|Susan|Christopher|Jessica|Matthew|Ashley|Andrew|Amanda|"
           "Joshua|Megan|Ryan|Lauren|Benjamin|Hannah|Samuel|Olivia|Nathan|Grace|Alexander|Chloe",
           "Smith|Johnson|Brown|Taylor|Miller|Wilson|Clark|Hall|Young|Walker|Anderson|Thomas|Jackson|White|"
           "Harris|Martin|Thompson|Moore|Allen|King|Wright|Scott|Green|Baker|Adams|Nelson|Hill|Campbell|"
           "Mitchell|Roberts|Carter|Phillips|Evans|Turner|Parker|Collins|Edwards|Stewart|Morris|Murphy|"
           "Cook|Rogers|O'Brien|McDonald|MacLeod|Fitzgerald"),
}
POOLS = {c: (g.split("|"), f.split("|")) for c, (g, f) in POOLS.items()}
CULT_W = {"zh": 26, "tw": 3, "ko": 5, "jp": 4, "vi": 2, "in": 9, "ar": 3, "fa": 3, "tr": 2, "es": 6, "it": 4,
          "de": 6, "fr": 5, "nl": 2, "nordic": 3, "slavic": 4, "en": 13}
CULTURES = list(CULT_W)
EAST = {"zh", "tw", "ko", "jp", "vi"}  # surname-first forms ("ZHANG Jingzhao") make sense
MIDDLE_P = {"en": 0.35, "de": 0.12, "nl": 0.12, "nordic": 0.1, "slavic": 0.1, "in": 0.06, "fr": 0.04}
REGION_CULT = {"cn": ("zh",), "hk": ("zh",), "tw": ("tw", "zh"), "kr": ("ko",), "jp": ("jp",), "in": ("in",),
               "ch": ("de", "fr", "it"), "de": ("de",), "fr": ("fr",), "nl": ("nl",), "nordic": ("nordic",),
               "latam": ("es",), "es": ("es",), "it": ("it",), "me": ("ar",), "ir": ("fa",), "tr": ("tr",),
               "sg": ("zh", "in"), "slav": ("slavic",), "vn": ("vi",)}
LOWER_PARTICLES = {"van", "der", "den", "de", "la", "los", "del", "da", "dos", "von", "zu", "ter", "'t"}
UPPER_PARTICLES = {"Di", "De", "Del", "Dell'", "La", "Lo", "Le", "Du", "El", "Bou", "Abu"}

# ============================================================================ organizations
ORG_ROWS = """
pku|Peking University|PKU;Peking Univ.|Beijing, China|cn|u
thu|Tsinghua University|THU;Tsinghua Univ.;Tsinghua|Beijing, China|cn|u
fudan|Fudan University|Fudan Univ.;Fudan|Shanghai, China|cn|u
sjtu|Shanghai Jiao Tong University|SJTU;Shanghai Jiaotong University|Shanghai, China|cn|u
zju|Zhejiang University|ZJU;Zhejiang Univ.|Hangzhou, China|cn|u
ustc|University of Science and Technology of China|USTC|Hefei, China|cn|u
nju|Nanjing University|NJU;Nanjing Univ.|Nanjing, China|cn|u
cuhk|The Chinese University of Hong Kong|CUHK;Chinese University of Hong Kong|Hong Kong|hk|u
hkust|The Hong Kong University of Science and Technology|HKUST;Hong Kong University of Science and Technology|Hong Kong|hk|u
ntu-tw|National Taiwan University|NTU;National Taiwan Univ.|Taipei, Taiwan|tw|u
kaist|KAIST|Korea Advanced Institute of Science and Technology|Daejeon, South Korea|kr|u
snu|Seoul National University|SNU;Seoul National Univ.|Seoul, South Korea|kr|u
utokyo|The University of Tokyo|University of Tokyo;UTokyo;Univ. of Tokyo|Tokyo, Japan|jp|u
kyoto|Kyoto University|Kyoto Univ.|Kyoto, Japan|jp|u
iitb|Indian Institute of Technology Bombay|IIT Bombay;IITB|Mumbai, India|in|u
iisc|Indian Institute of Science|IISc;IISc Bangalore|Bangalore, India|in|u
mit|Massachusetts Institute of Technology|MIT|Cambridge, MA|us|u
stanford|Stanford University|Stanford|Stanford, CA|us|u
berkeley|University of California, Berkeley|UC Berkeley;Berkeley;UCB;U.C. Berkeley|Berkeley, CA|us|u
ucla|University of California, Los Angeles|UCLA|Los Angeles, CA|us|u
ucsd|University of California, San Diego|UC San Diego;UCSD|La Jolla, CA|us|u
cmu|Carnegie Mellon University|CMU;Carnegie Mellon|Pittsburgh, PA|us|u
harvard|Harvard University|Harvard|Cambridge, MA|us|u
princeton|Princeton University|Princeton|Princeton, NJ|us|u
columbia|Columbia University|Columbia|New York, NY|us|u
cornell|Cornell University|Cornell|Ithaca, NY|us|u
uw|University of Washington|UW;Univ. of Washington|Seattle, WA|us|u
umich|University of Michigan|UMich;University of Michigan, Ann Arbor;U. Michigan|Ann Arbor, MI|us|u
uiuc|University of Illinois Urbana-Champaign|UIUC;University of Illinois at Urbana-Champaign|Urbana, IL|us|u
gatech|Georgia Institute of Technology|Georgia Tech|Atlanta, GA|us|u
utaustin|The University of Texas at Austin|UT Austin;University of Texas at Austin|Austin, TX|us|u
nyu|New York University|NYU|New York, NY|us|u
uoft|University of Toronto|UofT;U of T;Univ. of Toronto|Toronto, Canada|ca|u
mcgill|McGill University|McGill|Montréal, Canada|ca|u
udem|Université de Montréal|University of Montreal;UdeM;Universite de Montreal|Montréal, Canada|ca|u
oxford|University of Oxford|Oxford University;Oxford|Oxford, UK|uk|u
cambridge|University of Cambridge|Cambridge University|Cambridge, UK|uk|u
imperial|Imperial College London|Imperial College;ICL|London, UK|uk|u
ucl|University College London|UCL|London, UK|uk|u
edinburgh|University of Edinburgh|Edinburgh University;UoE|Edinburgh, UK|uk|u
ethz|ETH Zürich|ETH Zurich;ETHZ;Swiss Federal Institute of Technology Zurich;ETH|Zürich, Switzerland|ch|u
epfl|EPFL|École Polytechnique Fédérale de Lausanne;Ecole Polytechnique Federale de Lausanne|Lausanne, Switzerland|ch|u
mpi-is|Max Planck Institute for Intelligent Systems|MPI-IS;MPI for Intelligent Systems|Tübingen, Germany|de|u
tum|Technical University of Munich|TUM;Technische Universität München;TU München|Munich, Germany|de|u
lmu|LMU Munich|Ludwig-Maximilians-Universität München;LMU München;University of Munich|Munich, Germany|de|u
tuebingen|University of Tübingen|Universität Tübingen;Eberhard Karls Universität Tübingen;University of Tuebingen|Tübingen, Germany|de|u
sorbonne|Sorbonne Université|Sorbonne University;Sorbonne Universite|Paris, France|fr|u
ens|École Normale Supérieure|ENS Paris;ENS;Ecole Normale Superieure|Paris, France|fr|u
inria|Inria|INRIA|Paris, France|fr|u
saclay|Université Paris-Saclay|Paris-Saclay University;Univ. Paris-Saclay|Gif-sur-Yvette, France|fr|u
uva|University of Amsterdam|UvA;Universiteit van Amsterdam|Amsterdam, Netherlands|nl|u
tudelft|Delft University of Technology|TU Delft;Technische Universiteit Delft|Delft, Netherlands|nl|u
kth|KTH Royal Institute of Technology|KTH|Stockholm, Sweden|nordic|u
ku|University of Copenhagen|Københavns Universitet;Copenhagen University|Copenhagen, Denmark|nordic|u
aalto|Aalto University|Aalto|Espoo, Finland|nordic|u
uchile|Universidad de Chile|University of Chile;U. de Chile|Santiago, Chile|latam|u
uba|Universidad de Buenos Aires|UBA;University of Buenos Aires|Buenos Aires, Argentina|latam|u
usp|Universidade de São Paulo|USP;University of São Paulo;Universidade de Sao Paulo|São Paulo, Brazil|latam|u
upc|Universitat Politècnica de Catalunya|UPC;BarcelonaTech;Polytechnic University of Catalonia|Barcelona, Spain|es|u
upm|Universidad Politécnica de Madrid|UPM;Technical University of Madrid|Madrid, Spain|es|u
polimi|Politecnico di Milano|PoliMi;Polytechnic University of Milan|Milan, Italy|it|u
sapienza|Sapienza University of Rome|Sapienza Università di Roma;Sapienza|Rome, Italy|it|u
unibo|University of Bologna|Università di Bologna;UniBo|Bologna, Italy|it|u
weizmann|Weizmann Institute of Science|Weizmann Institute|Rehovot, Israel|il|u
technion|Technion – Israel Institute of Technology|Technion;Technion - Israel Institute of Technology|Haifa, Israel|il|u
kaust|King Abdullah University of Science and Technology|KAUST|Thuwal, Saudi Arabia|me|u
aub|American University of Beirut|AUB|Beirut, Lebanon|me|u
sharif|Sharif University of Technology|Sharif Univ. of Technology;Sharif|Tehran, Iran|ir|u
bogazici|Boğaziçi University|Bogazici University|Istanbul, Turkey|tr|u
nus|National University of Singapore|NUS|Singapore|sg|u
ntu-sg|Nanyang Technological University|NTU;NTU Singapore|Singapore|sg|u
unimelb|University of Melbourne|UniMelb;The University of Melbourne|Melbourne, Australia|au|u
anu|Australian National University|ANU;The Australian National University|Canberra, Australia|au|u
charles|Charles University|Univerzita Karlova;Charles University in Prague|Prague, Czech Republic|slav|u
warsaw|University of Warsaw|Uniwersytet Warszawski|Warsaw, Poland|slav|u
skoltech|Skolkovo Institute of Science and Technology|Skoltech|Moscow, Russia|slav|u
hust|Hanoi University of Science and Technology|HUST|Hanoi, Vietnam|vn|u
google|Google Research|Google;Google Brain;Google Research, Brain Team|Mountain View, CA|us|c
deepmind|Google DeepMind|DeepMind|London, UK|uk|c
msr|Microsoft Research|MSR;Microsoft Research Redmond;Microsoft|Redmond, WA|us|c
msra|Microsoft Research Asia|MSRA;Microsoft Research Asia (MSRA)|Beijing, China|cn|c
meta|Meta AI|FAIR;Facebook AI Research;Meta;Meta FAIR|Menlo Park, CA|us|c
openai|OpenAI||San Francisco, CA|us|c
nvidia|NVIDIA Research|NVIDIA;Nvidia|Santa Clara, CA|us|c
amazon|Amazon|Amazon Web Services;AWS AI Labs;Amazon Science|Seattle, WA|us|c
ibm|IBM Research|IBM T.J. Watson Research Center;IBM|Yorktown Heights, NY|us|c
baidu|Baidu Research|Baidu|Beijing, China|cn|c
alibaba|Alibaba DAMO Academy|Alibaba Group;DAMO Academy;Alibaba|Hangzhou, China|cn|c
tencent|Tencent AI Lab|Tencent|Shenzhen, China|cn|c
bytedance|ByteDance Research|ByteDance;ByteDance AI Lab|Beijing, China|cn|c
huawei|Huawei Noah's Ark Lab|Huawei;Noah's Ark Lab, Huawei|Shenzhen, China|cn|c
samsung|Samsung AI Center|Samsung Research;Samsung|Seoul, South Korea|kr|c
sony|Sony AI|Sony|Tokyo, Japan|jp|c
adobe|Adobe Research|Adobe|San Jose, CA|us|c
tri|Toyota Research Institute|TRI|Los Altos, CA|us|c
intel|Intel Labs|Intel|Santa Clara, CA|us|c
apple|Apple|Apple Machine Learning Research;Apple MLR|Cupertino, CA|us|c
"""


def _cum(pairs):
    """Deduplicated (forms, cumulative weights) for _pick."""
    forms, cw, t = [], [], 0.0
    for f, w in pairs:
        if f in forms or w <= 0:
            continue
        t += w
        forms.append(f)
        cw.append(t)
    return forms, cw


def _pick(r, fc):
    forms, cw = fc
    if len(forms) == 1:
        return forms[0]
    return forms[bisect.bisect_right(cw, r.random() * cw[-1])]


def _cw(weights):
    return list(itertools.accumulate(weights))


class Org:
    __slots__ = ("idx", "id", "name", "aliases", "city", "region", "kind", "forms")

    def __init__(self, idx, row):
        self.idx = idx
        self.id, self.name, al, self.city, self.region, kind = row.split("|")
        self.aliases = [a for a in al.split(";") if a]
        self.kind = "company" if kind == "c" else "university"
        self.forms = _cum([(self.name, 3.0)] + [(a, 1.0) for a in self.aliases])


ORGS = [Org(i, row) for i, row in enumerate(x for x in ORG_ROWS.strip().splitlines() if x)]
ORG_BY_ID = {o.id: o for o in ORGS}
UNIS = [o for o in ORGS if o.kind == "university"]
COMPANIES = [o for o in ORGS if o.kind == "company"]

SUBJECT = {"ml": ("Computer Science", "Electrical Engineering and Computer Sciences", "Machine Learning"),
           "cv": ("Computer Science", "Electrical Engineering", "Computer Vision"),
           "nlp": ("Computer Science", "Linguistics", "Language Technologies"),
           "stats": ("Statistics", "Biostatistics", "Mathematics"),
           "robotics": ("Robotics", "Mechanical Engineering", "Computer Science"),
           "systems": ("Computer Science", "Computer Engineering", "Electrical and Computer Engineering"),
           "bio": ("Biology", "Computational Biology", "Bioengineering"),
           "physics": ("Physics", "Applied Physics", "Physics and Astronomy")}
BSC_SUBJECT = ("Mathematics", "Physics", "Computer Science", "Statistics", "Electrical Engineering",
               "Applied Mathematics", "Biology", "Automation")
DEPT = {"ml": ("Department of Computer Science", "School of Computer Science", "Machine Learning Department",
               "Department of Electrical Engineering and Computer Sciences"),
        "cv": ("Department of Computer Science", "Department of Electrical Engineering", "Robotics Institute"),
        "nlp": ("Department of Computer Science", "Language Technologies Institute", "Department of Linguistics"),
        "stats": ("Department of Statistics", "Department of Statistics and Data Science",
                  "Department of Biostatistics", "School of Mathematical Sciences"),
        "robotics": ("Robotics Institute", "Department of Mechanical Engineering", "Department of Computer Science"),
        "systems": ("Department of Computer Science", "Department of Electrical and Computer Engineering"),
        "bio": ("Department of Biology", "Department of Genetics", "Department of Bioengineering"),
        "physics": ("Department of Physics", "Department of Physics and Astronomy", "School of Physics")}

# ============================================================================ venues
# id: (kind, since, edition offset, parity (0 even years, 1 odd, None), forms)
# placeholders: {y} year, {yy} two digits, {ed} edition / volume, {edo} ordinal edition, {rom} roman edition,
# {arx} arXiv identifier. ("form", lo, hi[, weight]) limits a form to years lo..hi.
VENUES = {
    "NeurIPS": ("conference", 1987, 1987, None, [
        ("NIPS {y}", 0, 2018), ("NIPS", 0, 2018), ("Advances in Neural Information Processing Systems (NIPS)", 0, 2018),
        ("Neural Information Processing Systems (NIPS)", 0, 2017), "Advances in Neural Information Processing Systems {ed}",
        "Advances in Neural Information Processing Systems", ("NeurIPS {y}", 2018, 9999), ("NeurIPS", 2018, 9999),
        ("Advances in Neural Information Processing Systems (NeurIPS)", 2018, 9999),
        ("Neural Information Processing Systems (NeurIPS)", 2018, 9999),
        ("Conference on Neural Information Processing Systems (NeurIPS {y})", 2018, 9999), ("Proc. NeurIPS", 2018, 9999),
        ("NIPS", 2019, 9999, 0.15)]),
    "ICML": ("conference", 1980, 1983, None, [
        "ICML {y}", "ICML", "International Conference on Machine Learning (ICML)", "International Conference on Machine Learning",
        "Proceedings of the {edo} International Conference on Machine Learning (ICML)",
        "Proc. of the {edo} International Conference on Machine Learning (ICML)",
        "Proceedings of the {edo} International Conference on Machine Learning, PMLR", "ICML'{yy}"]),
    "ICLR": ("conference", 2013, 2012, None, [
        "ICLR {y}", "ICLR", "International Conference on Learning Representations (ICLR)",
        "International Conference on Learning Representations", "The {edo} International Conference on Learning Representations"]),
    "COLT": ("conference", 1988, 1987, None, [
        "COLT {y}", "Conference on Learning Theory (COLT)", "Proceedings of the {edo} Conference on Learning Theory",
        "Conference on Learning Theory, PMLR", "Annual Conference on Learning Theory"]),
    "AISTATS": ("conference", 1995, 1997, None, [
        "AISTATS {y}", "International Conference on Artificial Intelligence and Statistics (AISTATS)",
        "Proceedings of the {edo} International Conference on Artificial Intelligence and Statistics",
        "Artificial Intelligence and Statistics"]),
    "JMLR": ("journal", 2000, 1999, None, [
        "Journal of Machine Learning Research", "J. Mach. Learn. Res.", "JMLR", "Journal of Machine Learning Research (JMLR)"]),
    "AAAI": ("conference", 1980, 1986, None, [
        "AAAI {y}", "Proceedings of the AAAI Conference on Artificial Intelligence", "AAAI Conference on Artificial Intelligence (AAAI)",
        "AAAI-{yy}", "Proceedings of the {edo} AAAI Conference on Artificial Intelligence"]),
    "IJCAI": ("conference", 1969, 1991, None, [
        "IJCAI {y}", "International Joint Conference on Artificial Intelligence (IJCAI)",
        "Proceedings of the International Joint Conference on Artificial Intelligence", "IJCAI-{yy}"]),
    "KDD": ("conference", 1995, 1994, None, [
        "KDD {y}", "KDD '{yy}", "ACM SIGKDD Conference on Knowledge Discovery and Data Mining (KDD)",
        "Proceedings of the {edo} ACM SIGKDD International Conference on Knowledge Discovery and Data Mining"]),
    "TMLR": ("journal", 2022, 2021, None, ["Transactions on Machine Learning Research", "TMLR"]),
    "CVPR": ("conference", 1983, 1982, None, [
        "CVPR {y}", "IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)",
        "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition",
        "IEEE Conference on Computer Vision and Pattern Recognition", "Proc. CVPR", "CVPR"]),
    "ICCV": ("conference", 1987, 1986, 1, [
        "ICCV {y}", "IEEE/CVF International Conference on Computer Vision (ICCV)",
        "Proceedings of the IEEE International Conference on Computer Vision", "International Conference on Computer Vision"]),
    "ECCV": ("conference", 1990, 1988, 0, [
        "ECCV {y}", "European Conference on Computer Vision (ECCV)", "Computer Vision – ECCV {y}",
        "Proceedings of the European Conference on Computer Vision"]),
    "TPAMI": ("journal", 1979, 1978, None, [
        "IEEE Transactions on Pattern Analysis and Machine Intelligence", "IEEE TPAMI", "TPAMI",
        "IEEE Trans. Pattern Anal. Mach. Intell."]),
    "IJCV": ("journal", 1987, 1986, None, ["International Journal of Computer Vision", "IJCV", "Int. J. Comput. Vis."]),
    "MICCAI": ("conference", 1998, 1997, None, [
        "MICCAI {y}", "Medical Image Computing and Computer Assisted Intervention (MICCAI)",
        "International Conference on Medical Image Computing and Computer-Assisted Intervention", "MICCAI"]),
    "ACL": ("conference", 1963, 1962, None, [
        "ACL {y}", "Proceedings of the {edo} Annual Meeting of the Association for Computational Linguistics (ACL)",
        "Annual Meeting of the Association for Computational Linguistics", "Association for Computational Linguistics (ACL)", "ACL"]),
    "EMNLP": ("conference", 1996, 1995, None, [
        "EMNLP {y}", "Proceedings of the {y} Conference on Empirical Methods in Natural Language Processing",
        "Conference on Empirical Methods in Natural Language Processing (EMNLP)", "EMNLP"]),
    "NAACL": ("conference", 2000, 1999, None, [
        "NAACL {y}", "NAACL-HLT {y}",
        "Proceedings of the {y} Conference of the North American Chapter of the Association for Computational "
        "Linguistics: Human Language Technologies", "North American Chapter of the Association for Computational Linguistics (NAACL)"]),
    "TACL": ("journal", 2013, 2012, None, [
        "Transactions of the Association for Computational Linguistics", "TACL", "Trans. Assoc. Comput. Linguist."]),
    "COLING": ("conference", 1965, 1964, 0, ["COLING {y}", "International Conference on Computational Linguistics (COLING)",
                                            "Proceedings of the International Conference on Computational Linguistics"]),
    "AoS": ("journal", 1973, 1972, None, ["Annals of Statistics", "The Annals of Statistics", "Ann. Statist.", "AoS"]),
    "JASA": ("journal", 1922, 1921, None, ["Journal of the American Statistical Association", "J. Amer. Statist. Assoc.", "JASA"]),
    "JRSS-B": ("journal", 1934, 1933, None, [
        "Journal of the Royal Statistical Society: Series B (Statistical Methodology)",
        "Journal of the Royal Statistical Society, Series B", "J. R. Stat. Soc. Ser. B", "JRSS-B", "JRSSB"]),
    "Biometrika": ("journal", 1901, 1900, None, ["Biometrika"]),
    "Bernoulli": ("journal", 1995, 1994, None, ["Bernoulli"]),
    "EJS": ("journal", 2007, 2006, None, ["Electronic Journal of Statistics", "Electron. J. Statist.", "EJS"]),
    "Statistica Sinica": ("journal", 1991, 1990, None, ["Statistica Sinica", "Statist. Sinica"]),
    "ICRA": ("conference", 1984, 1983, None, [
        "ICRA {y}", "IEEE International Conference on Robotics and Automation (ICRA)",
        "Proc. IEEE Int. Conf. Robot. Autom. (ICRA)", "{y} IEEE International Conference on Robotics and Automation"]),
    "IROS": ("conference", 1988, 1987, None, [
        "IROS {y}", "IEEE/RSJ International Conference on Intelligent Robots and Systems (IROS)",
        "{y} IEEE/RSJ International Conference on Intelligent Robots and Systems"]),
    "RSS": ("conference", 2005, 2004, None, [
        "Robotics: Science and Systems (RSS)", "RSS {y}", "Robotics: Science and Systems {rom}", "Robotics: Science and Systems"]),
    "CoRL": ("conference", 2017, 2016, None, [
        "CoRL {y}", "Conference on Robot Learning (CoRL)", "Proceedings of the {edo} Conference on Robot Learning"]),
    "RA-L": ("journal", 2016, 2015, None, ["IEEE Robotics and Automation Letters", "RA-L", "IEEE RA-L"]),
    "IJRR": ("journal", 1982, 1981, None, [
        "International Journal of Robotics Research", "The International Journal of Robotics Research", "IJRR"]),
    "OSDI": ("conference", 1994, 1993, None, [
        "OSDI {y}", "USENIX Symposium on Operating Systems Design and Implementation (OSDI)",
        "USENIX Symposium on Operating Systems Design and Implementation", "OSDI '{yy}"]),
    "SOSP": ("conference", 1967, 1966, None, [
        "SOSP {y}", "ACM Symposium on Operating Systems Principles (SOSP)", "Symposium on Operating Systems Principles"]),
    "NSDI": ("conference", 2004, 2003, None, [
        "NSDI {y}", "USENIX Symposium on Networked Systems Design and Implementation (NSDI)", "NSDI '{yy}"]),
    "EuroSys": ("conference", 2006, 2005, None, ["EuroSys {y}", "European Conference on Computer Systems (EuroSys)",
                                                 "Proceedings of the European Conference on Computer Systems"]),
    "ASPLOS": ("conference", 1982, 1981, None, [
        "ASPLOS {y}", "International Conference on Architectural Support for Programming Languages and Operating Systems (ASPLOS)"]),
    "USENIX ATC": ("conference", 1990, 1989, None, ["USENIX ATC {y}", "USENIX Annual Technical Conference", "ATC '{yy}"]),
    "MLSys": ("conference", 2018, 2017, None, [
        ("SysML {y}", 0, 2019), ("MLSys {y}", 2020, 9999), ("Conference on Machine Learning and Systems (MLSys)", 2020, 9999),
        "Proceedings of Machine Learning and Systems"]),
    "Nature": ("journal", 1869, 1868, None, ["Nature"]),
    "Science": ("journal", 1880, 1879, None, ["Science"]),
    "Cell": ("journal", 1974, 1973, None, ["Cell"]),
    "Nature Methods": ("journal", 2004, 2003, None, ["Nature Methods", "Nat. Methods"]),
    "Nature Biotechnology": ("journal", 1996, 1995, None, ["Nature Biotechnology", "Nat. Biotechnol."]),
    "PNAS": ("journal", 1915, 1914, None, [
        "Proceedings of the National Academy of Sciences", "PNAS", "Proc. Natl. Acad. Sci. USA",
        "Proceedings of the National Academy of Sciences of the United States of America"]),
    "eLife": ("journal", 2012, 2011, None, ["eLife"]),
    "Bioinformatics": ("journal", 1998, 1997, None, ["Bioinformatics"]),
    "NAR": ("journal", 1974, 1973, None, ["Nucleic Acids Research", "Nucleic Acids Res."]),
    "Nature Communications": ("journal", 2010, 2009, None, ["Nature Communications", "Nat. Commun."]),
    "PRL": ("journal", 1958, 1957, None, ["Physical Review Letters", "Phys. Rev. Lett.", "PRL"]),
    "PRB": ("journal", 1970, 1969, None, ["Physical Review B", "Phys. Rev. B"]),
    "PRD": ("journal", 1970, 1969, None, ["Physical Review D", "Phys. Rev. D"]),
    "PRX": ("journal", 2011, 2010, None, ["Physical Review X", "Phys. Rev. X", "PRX"]),
    "Nature Physics": ("journal", 2005, 2004, None, ["Nature Physics", "Nat. Phys."]),
    "JHEP": ("journal", 1997, 1996, None, ["Journal of High Energy Physics", "JHEP", "J. High Energ. Phys."]),
    "arXiv": ("preprint", 1991, 1990, None, [
        "arXiv preprint arXiv:{arx}", "arXiv:{arx}", "arXiv preprint", "CoRR, abs/{arx}", "arXiv e-prints, arXiv:{arx}"]),
}
FIELD_VENUES = {
    "ml": [("NeurIPS", 10), ("ICML", 9), ("ICLR", 7), ("AISTATS", 3), ("COLT", 2), ("JMLR", 3), ("AAAI", 3),
           ("IJCAI", 2), ("KDD", 2), ("TMLR", 1), ("CVPR", 1), ("ACL", 0.5), ("Nature", 0.1)],
    "cv": [("CVPR", 10), ("ICCV", 5), ("ECCV", 5), ("TPAMI", 3), ("IJCV", 2), ("NeurIPS", 2), ("AAAI", 1.5),
           ("MICCAI", 1), ("ICLR", 1)],
    "nlp": [("ACL", 9), ("EMNLP", 8), ("NAACL", 4), ("TACL", 2), ("COLING", 2), ("NeurIPS", 1.5), ("ICLR", 1.5), ("AAAI", 1)],
    "stats": [("AoS", 5), ("JASA", 6), ("JRSS-B", 4), ("Biometrika", 3), ("Bernoulli", 2), ("EJS", 2),
              ("Statistica Sinica", 2), ("JMLR", 1.5), ("NeurIPS", 1), ("AISTATS", 1), ("COLT", 0.5)],
    "robotics": [("ICRA", 8), ("IROS", 7), ("RSS", 4), ("CoRL", 4), ("RA-L", 3), ("IJRR", 2), ("NeurIPS", 0.5), ("CVPR", 0.5)],
    "systems": [("OSDI", 4), ("SOSP", 3), ("NSDI", 4), ("EuroSys", 3), ("ASPLOS", 3), ("USENIX ATC", 3), ("MLSys", 2),
                ("ICML", 0.3)],
    "bio": [("Nature", 2), ("Science", 1.5), ("Cell", 1.5), ("Nature Methods", 3), ("Nature Biotechnology", 2), ("PNAS", 3),
            ("eLife", 3), ("Bioinformatics", 3), ("NAR", 2), ("Nature Communications", 3), ("MICCAI", 0.5)],
    "physics": [("PRL", 6), ("PRB", 5), ("PRD", 4), ("PRX", 2), ("Nature Physics", 2), ("JHEP", 3), ("Nature", 0.5),
                ("Science", 0.5)],
}
FIELD_VENUES = {f: ([v for v, _ in lst], _cw(w for _, w in lst)) for f, lst in FIELD_VENUES.items()}


def _ordinal(n: int) -> str:
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def _roman(n: int) -> str:
    out = ""
    for v, s in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                 (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += s
            n -= v
    return out


_VF_CACHE: dict = {}


def _venue_forms(vid: str, year: int):
    """(forms, cumulative weights) of venue `vid` usable for `year`."""
    got = _VF_CACHE.get((vid, year))
    if got is None:
        pairs = []
        for f in VENUES[vid][4]:
            if isinstance(f, tuple):
                if f[1] <= year <= f[2]:
                    pairs.append((f[0], f[3] if len(f) > 3 else 1.0))
            else:
                pairs.append((f, 1.0))
        got = _VF_CACHE[(vid, year)] = _cum(pairs)
    return got


def venue_text(vid: str, year: int, r: random.Random, arx: str = "") -> tuple[str, bool]:
    """A surface form of venue `vid` for `year`; second value: the form already names the year."""
    off = VENUES[vid][2]
    f = "arXiv preprint" if vid == "arXiv" and not arx else _pick(r, _venue_forms(vid, year))
    ed = max(1, year - off)
    s = f.format(y=year, yy=f"{year % 100:02d}", ed=ed, edo=_ordinal(ed), rom=_roman(ed), arx=arx)
    return s, ("{y}" in f or "{yy}" in f)


# ============================================================================ titles
ADJ = ("Robust,Sparse,Efficient,Scalable,Bayesian,Causal,Neural,Contrastive,Adaptive,Federated,Private,Certified,"
       "Optimal,Stochastic,Variational,Spectral,Temporal,Hierarchical,Multimodal,Latent,Implicit,Equivariant,"
       "Self-Supervised,Semi-Supervised,Unsupervised,Differentiable,Distributed,Online,Offline,Interpretable,Fair,"
       "Fast,Lightweight,Generalizable,Compositional,Nonparametric,High-Dimensional,Low-Rank,Structured,Conditional,"
       "Generative,Uncertainty-Aware,Data-Efficient,Sample-Efficient,Memory-Efficient,Zero-Shot,Few-Shot,Continual,"
       "Decentralized,Asynchronous,Quantized,Energy-Based,Score-Based,Physics-Informed,Geometric,Topological,"
       "Accelerated,Calibrated,Provably Efficient,Faithful,Long-Horizon,Multi-Scale,Cross-Domain,Open-Vocabulary").split(",")
NOUNS = {
    "ml": "Gradient Descent,Transformers,Attention,Mixture of Experts,Bandits,Reinforcement Learning,Policy Optimization,"
          "Kernel Methods,Gaussian Processes,Normalizing Flows,Diffusion Models,Language Models,Graph Neural Networks,"
          "Neural Networks,Representations,Embeddings,Optimizers,Regularization,Distillation,Pruning,Grokking,"
          "In-Context Learning,Benign Overfitting,Implicit Bias,Feature Learning,Scaling Laws,Meta-Learning,"
          "Active Learning,Domain Adaptation,Adversarial Training,Variational Inference,Monte Carlo Sampling,"
          "Contrastive Learning,Reward Models,Preference Optimization,Two-Layer Networks",
    "cv": "Object Detection,Semantic Segmentation,Instance Segmentation,Image Generation,Video Understanding,"
          "3D Reconstruction,Neural Radiance Fields,Gaussian Splatting,Pose Estimation,Optical Flow,Depth Estimation,"
          "Visual Tracking,Image Restoration,Super-Resolution,Vision Transformers,Point Clouds,Scene Graphs,"
          "Vision-Language Models,Image Retrieval,Face Recognition,Action Recognition,Novel View Synthesis",
    "nlp": "Machine Translation,Question Answering,Summarization,Named Entity Recognition,Dependency Parsing,"
           "Language Models,Instruction Tuning,Retrieval-Augmented Generation,Dialogue Systems,Sentiment Analysis,"
           "Text Classification,Coreference Resolution,Semantic Parsing,Chain-of-Thought Reasoning,Tokenization,"
           "Word Embeddings,Hallucination Detection,Code Generation,Speech Recognition",
    "stats": "Estimation,Hypothesis Testing,Conformal Prediction,False Discovery Rate Control,Causal Inference,"
             "Instrumental Variables,Bootstrap,Empirical Bayes,Sparse Regression,Covariance Estimation,"
             "Change-Point Detection,Functional Data Analysis,Survival Analysis,Quantile Regression,Matrix Completion,"
             "Multiple Testing,Mixed Models,Knowledge Graphs,Electronic Health Records,Treatment Effects,"
             "Selective Inference,Semiparametric Models",
    "robotics": "Manipulation,Grasping,Locomotion,Motion Planning,SLAM,Visual Odometry,Imitation Learning,"
                "Sim-to-Real Transfer,Legged Robots,Quadrotors,Dexterous Hands,Mobile Manipulation,"
                "Trajectory Optimization,Model Predictive Control,Multi-Robot Coordination,Tactile Sensing,"
                "Human-Robot Interaction",
    "systems": "Key-Value Stores,Distributed Training,Serverless Computing,Consensus Protocols,Storage Systems,"
               "GPU Scheduling,Memory Disaggregation,Network Stacks,Cluster Schedulers,Inference Serving,"
               "Transaction Processing,File Systems,Compilers,Kernel Bypass,Stream Processing,Caching",
    "bio": "Protein Structure Prediction,Gene Regulatory Networks,Single-Cell RNA Sequencing,CRISPR Screens,"
           "Cell Atlases,Genome Assembly,Variant Calling,Protein Design,Antibody Engineering,Spatial Transcriptomics,"
           "Microbiome Dynamics,Drug Discovery,Epigenetic Clocks,Neural Circuits,Tumor Evolution",
    "physics": "Topological Insulators,Quantum Error Correction,Superconducting Qubits,Dark Matter,Gravitational Waves,"
               "Neutrino Oscillations,Quantum Spin Liquids,Higgs Boson Decays,Many-Body Localization,Cold Atoms,"
               "Lattice QCD,Black Hole Thermodynamics,Quantum Simulation,Exoplanet Atmospheres,Twisted Bilayer Graphene",
}
NOUNS = {f: v.split(",") for f, v in NOUNS.items()}
CONTEXT = {
    "ml": "under Distribution Shift,for Tabular Data,at Scale,with Missing Data,in High Dimensions,without Labels,"
          "with Guarantees,from Few Examples,in Overparameterized Regimes,for Long Sequences,with Noisy Labels,"
          "in Non-Stationary Environments,via Convex Relaxation,via Random Features,for Sequential Decision Making",
    "cv": "from a Single Image,in the Wild,for Autonomous Driving,in Low-Light Conditions,from Monocular Video,"
          "with Sparse Views,for Medical Imaging,in Crowded Scenes,for Remote Sensing",
    "nlp": "for Low-Resource Languages,across Languages,in Multilingual Settings,with Large Language Models,"
           "for Long Documents,in Clinical Text,for Social Media,without Parallel Data",
    "stats": "in High Dimensions,under Heavy Tails,with Missing Data,for Observational Studies,with Network Interference,"
             "for Longitudinal Data,under Differential Privacy,with Many Weak Instruments",
    "robotics": "in Cluttered Environments,from Human Demonstrations,with Tactile Feedback,on Rough Terrain,"
                "under Uncertainty,for Household Tasks,in Unstructured Environments",
    "systems": "at Datacenter Scale,for Large Language Models,with Persistent Memory,on Heterogeneous Hardware,"
               "across Geo-Distributed Datacenters,with Microsecond Latency",
    "bio": "in Human Tissues,across Species,at Single-Cell Resolution,in Mouse Models,in Cancer Patients,during Development",
    "physics": "at the LHC,in Two Dimensions,at Finite Temperature,with Trapped Ions,in Strongly Correlated Systems,"
               "beyond the Standard Model,near Criticality",
}
CONTEXT = {f: v.split(",") for f, v in CONTEXT.items()}
VERBING = ("Learning,Scaling,Rethinking,Understanding,Improving,Accelerating,Benchmarking,Revisiting,Demystifying,"
           "Taming,Unifying,Steering").split(",")
PROPERTY = ("Convergence,Generalization,Robustness,Sample Complexity,Expressivity,Identifiability,Stability,Optimality,"
            "Consistency,Limits,Role,Benefits").split(",")
PREFIX = "Flash,Deep,Meta,Hyper,Neuro,Omni,Auto,Poly,Graph,Sparse,Turbo,Mega,Nano,Quant,Diff,Align,Spec,Fed,Mono,Uni,Echo,Zero".split(",")
SUFFIX = "Net,Former,GAN,Flow,Grad,Mix,Bench,LM,Nav,Seg,Pose,Fusion,Prompt,Tune,Sched,Store,Fold,Sim".split(",")
TECH = ("Optimal Transport,Random Projections,Score Matching,Message Passing,Mirror Descent,Moment Matching,"
        "Importance Sampling,Low-Rank Adaptation,Spectral Methods,Convex Duality").split(",")
PROPER = {"Bayesian", "Gaussian", "Monte", "Carlo", "Higgs", "Boson", "Markov", "Standard", "Model"}


def _method(r):
    if r.random() < 0.5:
        return r.choice(PREFIX) + r.choice(SUFFIX)
    return "".join(chr(65 + r.randrange(26)) for _ in range(r.randint(3, 6)))


def _make_title(r, fld):
    A, N, C = r.choice(ADJ), r.choice(NOUNS[fld]), r.choice(CONTEXT[fld])
    N2 = r.choice(NOUNS[fld])
    t = r.randrange(12)
    if t == 0:
        return f"{A} {N} {C}"
    if t in (1, 2):
        return f"{_method(r)}: {A} {N} {C}"
    if t == 3:
        return f"{_method(r)}: {A} {N} for {N2}"
    if t == 4:
        return f"On the {r.choice(PROPERTY)} of {A} {N} {C}"
    if t == 5:
        return f"Towards {A} {N} {C}"
    if t == 6:
        return f"{r.choice(VERBING)} {N} with {A} {N2}"
    if t == 7:
        return f"When Does {A} {N} Help {N2}?"
    if t == 8:
        return f"A {A} Approach to {N} {C}"
    if t == 9:
        return f"{r.choice(VERBING)} {A} {N} via {r.choice(TECH)}"
    if t == 10:
        return f"{_method(r)}: A Benchmark for {A} {N}"
    return f"Provable {N} {C} via {r.choice(TECH)}"


def sentence_case(t: str) -> str:
    out, cap = [], True
    for w in t.split(" "):
        core = w.split("-")
        if cap:
            out.append(w)
        elif w.isupper() or w in PROPER or any(any(c.isupper() for c in x[1:]) for x in core):
            out.append(w)  # acronyms, camel-case method names and proper names keep their case
        else:
            out.append(w.lower())
        cap = w.endswith(":")
    return " ".join(out)


def title_case(t: str) -> str:
    small = {"a", "an", "the", "of", "for", "via", "with", "in", "on", "at", "to", "and", "from", "under", "without",
             "across", "beyond", "near", "during"}
    out = []
    for i, w in enumerate(t.split(" ")):
        if i and w.lower() in small:
            out.append(w.lower())
        else:
            out.append("-".join(x[:1].upper() + x[1:] for x in w.split("-")))
    return " ".join(out)


# ============================================================================ text helpers
_FOLD = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe",
                       "đ": "d", "Đ": "D", "’": "'"})
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
_NORDIC = str.maketrans({"ø": "oe", "Ø": "Oe", "å": "aa", "Å": "Aa", "æ": "ae", "ö": "oe", "Ö": "Oe"})
_MACRON = str.maketrans({"ō": "oh", "Ō": "Oh", "ū": "uu"})


def fold(s: str) -> str:
    """Accents and special letters to ASCII (Sébastien → Sebastien, Łukasiewicz → Lukasiewicz)."""
    if s.isascii():
        return s
    s = s.translate(_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


_LATEX = {"é": "{\\'e}", "è": "{\\`e}", "ê": "{\\^e}", "ë": "{\\\"e}", "á": "{\\'a}", "à": "{\\`a}", "â": "{\\^a}",
          "ä": "{\\\"a}", "ã": "{\\~a}", "å": "{\\aa}", "í": "{\\'i}", "ï": "{\\\"i}", "î": "{\\^i}", "ó": "{\\'o}",
          "ò": "{\\`o}", "ô": "{\\^o}", "ö": "{\\\"o}", "õ": "{\\~o}", "ø": "{\\o}", "ú": "{\\'u}", "ù": "{\\`u}",
          "ü": "{\\\"u}", "ñ": "{\\~n}", "ç": "{\\c{c}}", "ß": "{\\ss}", "ł": "{\\l}", "Ł": "{\\L}", "š": "{\\v{s}}",
          "č": "{\\v{c}}", "ř": "{\\v{r}}", "ž": "{\\v{z}}", "ě": "{\\v{e}}", "ý": "{\\'y}", "ı": "{\\i}",
          "ş": "{\\c{s}}", "ğ": "{\\u{g}}", "ō": "{\\=o}", "ū": "{\\=u}", "ś": "{\\'s}", "ń": "{\\'n}", "ć": "{\\'c}",
          "É": "{\\'E}", "Š": "{\\v{S}}", "Č": "{\\v{C}}", "Ö": "{\\\"O}", "Ü": "{\\\"U}", "Å": "{\\AA}",
          "Ø": "{\\O}", "Ç": "{\\c{C}}", "Á": "{\\'A}", "Ó": "{\\'O}", "Ś": "{\\'S}", "Ż": "{\\.Z}", "ż": "{\\.z}",
          "Ō": "{\\=O}", "İ": "{\\.I}"}


def latex_escape(s: str) -> str:
    if s.isascii():
        return s
    return "".join(_LATEX.get(c, c) for c in s)


def _typo(s: str, r) -> str:
    """One edit inside a word (never the first letter)."""
    idx = [i for i in range(1, len(s)) if s[i].isalpha() and s[i - 1].isalpha()]
    if not idx:
        return s
    i = r.choice(idx)
    op = r.randrange(4)
    if op == 0:
        return s[:i] + s[i + 1:]
    if op == 1 and i + 1 < len(s) and s[i + 1].isalpha() and s[i + 1] != s[i]:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    if op == 2:
        return s[:i] + s[i] + s[i:]
    c = s[i]
    rep = r.choice([v for v in "aeiou" if v != c.lower()]) if c.lower() in "aeiou" else ("n" if c != "n" else "m")
    return s[:i] + rep + s[i + 1:]


def _poisson(r, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(r.gauss(lam, lam ** 0.5) + 0.5))
    L, k, p = pow(2.718281828459045, -lam), 0, 1.0
    while True:
        p *= r.random()
        if p <= L:
            return k
        k += 1


# ============================================================================ people
class Person:
    __slots__ = ("idx", "id", "culture", "gparts", "gsep", "given", "middle", "xmiddle", "family", "hanzi",
                 "field", "group", "org", "role", "s", "e", "a0", "a1", "activity", "papers", "homonym_of",
                 "near_of", "edu", "jobs", "_gf", "_ff", "_gi")

    def __init__(self, idx, name, culture, field, group, org, role):
        self.idx, self.id = idx, f"p{idx:06d}"
        self.gparts, self.gsep, self.given, self.middle, self.family, self.hanzi = name
        self.culture, self.field, self.group, self.org, self.role = culture, field, group, org, role
        self.xmiddle = ""
        self.papers = []
        self.homonym_of, self.near_of = [], []
        self.edu, self.jobs = [], []
        self._gf = self._ff = self._gi = None

    @property
    def name(self) -> str:
        """The canonical name (given, middle initial if any, family)."""
        return f"{self.given} {self.middle} {self.family}" if self.middle else f"{self.given} {self.family}"

    @property
    def east(self) -> bool:
        return self.culture in EAST

    # ---- surface-form building blocks (cached per person)
    def given_forms(self):
        if self._gf is None:
            g, parts = self.given, self.gparts
            pairs = [(g, 10.0)]
            if len(parts) > 1:
                a, b = parts[0], parts[1]
                if self.gsep == "":
                    pairs += [(a + b, 1.5), (f"{a} {b}", 1.5), (f"{a}-{b}", 0.4), (a + b.lower(), 0.3)]
                elif self.gsep == "-":
                    pairs += [(f"{a} {b}", 1.5), (f"{a}-{b.lower()}", 1.2), (f"{a}-{b}", 1.2), (a + b.lower(), 0.4)]
                else:
                    pairs += [(f"{a}-{b}", 0.3), (a, 1.0)]
            self._gf = _cum(pairs)
        return self._gf

    def given_initials(self):
        if self._gi is None:
            parts = self.gparts
            a = parts[0][0]
            if len(parts) == 1:
                self._gi = _cum([(a + ".", 1.0)])
            else:
                b = parts[1][0]
                if self.gsep == "":
                    self._gi = _cum([(a + ".", 8), (f"{a}.-{b}.", 1), (f"{a}. {b}.", 1), (f"{a}.{b}.", 0.5)])
                elif self.gsep == "-":
                    self._gi = _cum([(f"{a}.-{b}.", 5), (f"{a}. {b}.", 2), (f"{a}.{b}.", 1), (a + ".", 2)])
                else:
                    self._gi = _cum([(f"{a}. {b}.", 5), (f"{a}.{b}.", 2), (a + ".", 2)])
        return self._gi

    def family_forms(self):
        if self._ff is None:
            f, c = self.family, self.culture
            pairs = [(f, 10.0)]
            words = f.split(" ")
            if len(words) > 1 and words[0] in LOWER_PARTICLES:
                pairs.append((f[0].upper() + f[1:], 2.0))  # Van der Berg
                pairs.append((" ".join(w[0].upper() + w[1:] if w in LOWER_PARTICLES else w for w in words), 1.0))
                if c == "es":
                    pairs.append((words[-1], 1.5))  # da Silva → Silva
            elif len(words) > 1 and words[0] in UPPER_PARTICLES:
                pairs.append((words[0].lower() + " " + " ".join(words[1:]), 2.0))  # di Stefano
                pairs.append(("".join(words), 1.0))  # DiStefano
                if c == "ar":
                    pairs.append(("-".join(words), 1.0))
            elif c == "es" and len(words) == 2:
                pairs += [(words[0], 3.0), ("-".join(words), 1.0)]  # García Márquez → García / García-Márquez
            if "'" in f:
                pairs.append((f.replace("'", "’"), 1.5))
            if c == "ar" and "-" in f:
                head, tail = f.split("-", 1)
                pairs += [(f"{head} {tail}", 1.5), (head + tail.lower(), 0.7), (head.lower() + "-" + tail, 1.0)]
            if c == "de" and f.translate(_GERMAN) != f:
                pairs.append((f.translate(_GERMAN), 2.0))  # Müller → Mueller
            if c == "nordic" and f.translate(_NORDIC) != f:
                pairs.append((f.translate(_NORDIC), 1.5))
            if c == "jp" and f.translate(_MACRON) != f:
                pairs += [(fold(f), 3.0), (f.translate(_MACRON), 1.0)]  # Ōno → Ono / Ohno
            self._ff = _cum(pairs)
        return self._ff


def _simple_name(c, r):
    gl, fl = POOLS[c]
    g = r.choice(gl)
    f = r.choice(fl)
    if c == "es" and " " not in f and r.random() < 0.45:
        f2 = r.choice(fl)
        if f2 != f:
            f = f"{f} {f2}"  # double surname
        elif r.random() < 0.5:
            f = r.choice(("de la Cruz", "de los Santos", "del Río", "da Silva", "dos Santos", "de Oliveira", "de la Torre"))
    if "-" in g:
        parts, sep = tuple(g.split("-")), "-"
    elif " " in g:
        parts, sep = tuple(g.split(" ")), " "
    else:
        parts, sep = (g,), ""
    mid = ""
    if r.random() < MIDDLE_P.get(c, 0.0):
        mid = chr(65 + r.randrange(26)) + "."
    return parts, sep, g, mid, f, ""


def _zh_hanzi(parts, fam, r):
    if fam not in ZH_FAM:
        return ""
    return ZH_FAM[fam] + "".join(r.choice(ZH_SYL[p.lower()]) for p in parts if p.lower() in ZH_SYL)


def _new_name(c, r):
    """(given parts, separator, given, middle, family, hanzi)."""
    if c == "zh":
        n = 1 if r.random() < 0.15 else 2
        parts = tuple(r.choice(ZH_SYLS).capitalize() for _ in range(n))
        given = parts[0] + "".join(p.lower() for p in parts[1:])
        fam = ZH_FAMS[bisect.bisect_right(ZH_FAM_CW, r.random() * ZH_FAM_CW[-1])]
        hz = _zh_hanzi(parts, fam, r) if r.random() < 0.5 else ""
        return parts, "", given, "", fam, hz
    if c == "tw":
        a, b = r.sample(TW_SYL, 2)
        return (a, b), "-", (f"{a}-{b}" if r.random() < 0.6 else f"{a}-{b.lower()}"), "", r.choice(TW_FAM), ""
    if c == "ko":
        a, b = r.sample(KO_SYL, 2)
        x = r.random()
        if x < 0.45:
            return (a, b), "", a + b.lower(), "", r.choice(KO_FAM), ""
        g = f"{a}-{b}" if x < 0.75 else f"{a}-{b.lower()}"
        return (a, b), "-", g, "", r.choice(KO_FAM), ""
    if c == "jp":
        g = r.choice(JP_GIVEN)
        return (g,), "", g, "", r.choice(JP_FAM), ""
    if c == "vi":
        g, f = r.choice(VI_GIVEN), r.choice(VI_FAM)
        if r.random() < 0.65:
            g, f = fold(g), fold(f)
        return tuple(g.split(" ")), " ", g, "", f, ""
    return _simple_name(c, r)


def _near_name(src: Person, r):
    """A different but confusable name: same initials, one given part and/or the family changed."""
    c = src.culture
    parts, sep, given, mid, fam = list(src.gparts), src.gsep, src.given, src.middle, src.family
    if c == "zh" and len(parts) == 2:
        cands = [s for s in ZH_SYLS if s[0] == parts[1][0].lower() and s != parts[1].lower()]
        if cands:
            parts[1] = r.choice(cands).capitalize()
        given = parts[0] + parts[1].lower()
        fams = [f for f in ZH_FAMS if f[0] == fam[0] and f != fam]
    else:
        if c in POOLS:
            gl, fl = POOLS[c]
        elif c == "tw":
            gl, fl = [], TW_FAM
        elif c == "ko":
            gl, fl = [], KO_FAM
        elif c == "jp":
            gl, fl = JP_GIVEN, JP_FAM
        else:
            gl, fl = VI_GIVEN, VI_FAM
        cands = [g for g in gl if g[0] == given[0] and g != given]
        if cands:
            given = r.choice(cands)
            parts = given.replace("-", " ").split(" ")
            sep = "-" if "-" in given else (" " if " " in given else "")
        fams = [f for f in fl if f[:1] == fam[:1] and f != fam]
    if fams and (r.random() < 0.6 or given == src.given):
        fam = r.choice(fams)
    hz = _zh_hanzi(parts, fam, r) if c == "zh" and src.hanzi else ""
    return tuple(parts), sep, given, mid, fam, hz


# ============================================================================ groups and papers
class Group:
    __slots__ = ("idx", "id", "field", "org", "industry", "start", "rate", "members", "partners", "interns", "dept")

    def __init__(self, idx, field, org, industry, start, rate, dept):
        self.idx, self.id = idx, f"g{idx:05d}"
        self.field, self.org, self.industry, self.start, self.rate, self.dept = field, org, industry, start, rate, dept
        self.members, self.partners, self.interns = [], [], {}


class Paper:
    __slots__ = ("idx", "id", "title", "year", "field", "venue", "authors", "equal", "corr", "status", "arx",
                 "group", "consortium")

    def __init__(self, idx, title, year, field, venue, authors, status, arx, group, consortium=False):
        self.idx, self.id = idx, f"w{idx:07d}"
        self.title, self.year, self.field, self.venue, self.authors = title, year, field, venue, authors
        self.status, self.arx, self.group, self.consortium = status, arx, group, consortium
        self.equal, self.corr = 0, False


K_W = {  # authors per paper (1..15), by field
    "default": _cw([2, 10, 18, 20, 16, 11, 7, 5, 3, 2, 1.5, 1, 0.8, 0.5, 0.4]),
    "stats": _cw([6, 22, 26, 20, 12, 6, 3, 2, 1, 0.5, 0.3, 0.2, 0.1, 0.1, 0.1]),
    "bio": _cw([0.5, 3, 6, 9, 11, 12, 12, 11, 9, 7, 6, 5, 4, 3, 2]),
    "physics": _cw([1, 4, 8, 11, 12, 12, 11, 9, 8, 6, 5, 4, 3, 2, 2]),
}
ROLES_ACAD = (("phd", 72), ("postdoc", 12), ("msc", 10), ("ra", 6))
ROLES_IND = (("rs", 85), ("engineer", 15))
ROLE_ACT = {"pi": 1.0, "phd": 1.0, "postdoc": 1.6, "msc": 0.4, "ra": 0.3, "rs": 1.1, "engineer": 0.5}
BASE_RATE = 1.05  # papers per active member-year (times a group's lognormal rate); ≈ 100 mentions per CV


class World:
    """People, groups, careers and papers for `n_people` people; deterministic in `seed`."""

    def __init__(self, n_people: int, seed: int = 7):
        self.seed = seed
        r = self.rng = random.Random(seed)
        self.people: list[Person] = []
        self.groups: list[Group] = []
        self.papers: list[Paper] = []
        self.by_name: dict[str, list[Person]] = {}
        self.field_people = {f: [] for f in FIELDS}
        self.field_groups = {f: [] for f in FIELDS}
        self._titles: set[str] = set()
        self._region_cw = {}
        for o in ORGS:
            if o.region not in self._region_cw:
                boost = REGION_CULT.get(o.region, ())
                self._region_cw[o.region] = _cw(CULT_W[c] * (6 if c in boost else 1) for c in CULTURES)
        gi = 0
        while len(self.people) < n_people:
            left = n_people - len(self.people)
            size = 5 + int(25 * r.betavariate(1.3, 3.2))
            if left - size < 5:
                size = left
            fld = FIELDS[gi] if gi < len(FIELDS) else r.choices(FIELDS, FIELD_W)[0]
            industry = gi >= len(FIELDS) and fld in INDUSTRY_FIELDS and r.random() < 0.14
            org = r.choice(COMPANIES if industry else UNIS)
            g = Group(gi, fld, org, industry, int(r.triangular(1988, 2021, 2010)), r.lognormvariate(0, 0.55),
                      r.choice(DEPT[fld]))
            self.groups.append(g)
            self.field_groups[fld].append(g)
            roles = ROLES_IND if industry else ROLES_ACAD
            role_cw = _cw(w for _, w in roles)
            for k in range(size):
                role = "pi" if k == 0 else roles[bisect.bisect_right(role_cw, r.random() * role_cw[-1])][0]
                self._new_person(r, g, role)
            gi += 1
        self._partners(r)
        self._careers(r)
        self._make_papers(r)
        self.homonym_pairs = 0
        for lst in self.by_name.values():
            if len(lst) > 1:
                self.homonym_pairs += len(lst) * (len(lst) - 1) // 2
                for p in lst:
                    p.homonym_of = [q.id for q in lst if q is not p]
        self.near_pairs = sum(len(p.near_of) for p in self.people) // 2

    # ------------------------------------------------------------------ people
    def _new_person(self, r, g: Group, role: str) -> Person:
        cw = self._region_cw[g.org.region]
        c = CULTURES[bisect.bisect_right(cw, r.random() * cw[-1])]
        roll = r.random()
        near_src = None
        name = None
        if self.people and roll < 0.035:  # a homonym: exactly the same name as someone in another group
            same_field = r.random() < 0.25
            pool = self.field_people[g.field] if same_field and self.field_people[g.field] else self.people
            for attempt in range(6):
                src = r.choice(pool)
                if src.group != g.idx and (same_field or src.field != g.field or attempt == 5):
                    name = (src.gparts, src.gsep, src.given, src.middle, src.family,
                            _zh_hanzi(src.gparts, src.family, r) if src.hanzi else "")
                    c = src.culture
                    break
        elif self.people and roll < 0.055:  # a near-homonym
            src = r.choice(self.people)
            cand = _near_name(src, r)
            key = f"{cand[2]} {cand[3]} {cand[4]}" if cand[3] else f"{cand[2]} {cand[4]}"
            if key not in self.by_name and key != src.name:
                name, c, near_src = cand, src.culture, src
        if name is None:
            for _ in range(12):
                name = _new_name(c, r)
                key = f"{name[2]} {name[3]} {name[4]}" if name[3] else f"{name[2]} {name[4]}"
                if key not in self.by_name:
                    break
        p = Person(len(self.people), name, c, g.field, g.idx, g.org, role)
        if not p.middle and c in MIDDLE_P and r.random() < 0.08:
            p.xmiddle = chr(65 + r.randrange(26)) + "."  # a middle initial some CVs add
        if near_src is not None:
            p.near_of.append(near_src.id)
            near_src.near_of.append(p.id)
        self.by_name.setdefault(p.name, []).append(p)
        # time in the group and activity
        if role == "pi":
            p.s, p.e = g.start, None
        else:
            lo = max(g.start, 1999)
            s = min(2024, max(lo, int(r.triangular(lo, 2025, 2024))))
            dur = {"phd": r.randint(4, 6), "postdoc": r.randint(1, 3), "msc": 2, "ra": r.randint(1, 2),
                   "rs": r.randint(2, 14), "engineer": r.randint(2, 8)}[role]
            p.s, p.e = s, s + dur
        lag = 1 if role in ("phd", "msc") else 0
        p.a0 = max(Y0, p.s + lag)
        p.a1 = Y1 if p.e is None else min(Y1, p.e + 1)
        p.activity = r.lognormvariate(0, 0.75) * ROLE_ACT[role]
        self.people.append(p)
        self.field_people[g.field].append(p)
        g.members.append(p)
        return p

    def _partners(self, r):
        for g in self.groups:
            for _ in range(r.randint(1, 4)):
                pool = self.field_groups[g.field] if r.random() < 0.75 else self.groups
                h = r.choice(pool)
                if h is not g and h.idx not in g.partners:
                    g.partners.append(h.idx)
                    h.partners.append(g.idx)

    # ------------------------------------------------------------------ careers
    def _external_name(self, r, org: Org) -> str:
        cw = self._region_cw[org.region]
        c = CULTURES[bisect.bisect_right(cw, r.random() * cw[-1])]
        n = _new_name(c, r)
        return f"{n[2]} {n[4]}"

    def _advisor(self, r, fld, before: int, exclude: Group | None):
        """(person id, None, org) of a PI of the field whose group existed by `before`, else (None, outside name, org)."""
        pool = self.field_groups[fld]
        for _ in range(6):
            h = r.choice(pool)
            if h is not exclude and not h.industry and h.start <= before:
                return h.members[0].id, None, h.org
        org = r.choice(UNIS)
        return None, self._external_name(r, org), org

    def _careers(self, r):
        ind = [g for g in self.groups if g.industry]
        for p in self.people:
            g = self.groups[p.group]
            subj = r.choice(SUBJECT[p.field])

            def edu(deg, org, s, e, adv=None, adv_name=None, subject=subj, expected=False):
                p.edu.append({"degree": deg, "subject": subject, "org": org.id, "start": (s, 9), "end": (e, 6),
                              "expected": expected, "advisor": adv, "advisor_name": adv_name})

            def job(kind, role, org, s, e, host=None, sm=None, em=None):
                p.jobs.append({"kind": kind, "role": role, "org": org.id, "start": (s, sm or r.randint(1, 9)),
                               "end": None if e is None or e > Y1 else (e, em or r.randint(5, 12)), "host": host})

            bsc_subj = r.choice(BSC_SUBJECT)
            if p.role == "pi":
                phd_end = g.start - (0 if g.industry else r.randint(1, 3))
                phd_s = phd_end - r.randint(4, 6)
                msc = r.random() < 0.3
                bs_e = phd_s - (2 if msc else 0)
                edu("BSc", r.choice(UNIS), bs_e - 4, bs_e, subject=bsc_subj)
                if msc:
                    edu("MSc", r.choice(UNIS), bs_e, phd_s)
                aid, aname, aorg = self._advisor(r, p.field, phd_s - 2, g)
                edu("PhD", aorg, phd_s, phd_end, aid, aname)
                if g.industry:
                    job("industry", "Research Scientist", g.org, g.start, g.start + 5)
                    if g.start + 5 <= Y1:
                        job("industry", "Senior Research Scientist", g.org, g.start + 5, g.start + 11)
                    if g.start + 11 <= Y1:
                        job("industry", "Principal Research Scientist", g.org, g.start + 11, None)
                else:
                    if g.start > phd_end:
                        hid, _, horg = self._advisor(r, p.field, phd_end, g)
                        job("postdoc", r.choice(("Postdoctoral Researcher", "Postdoctoral Fellow", "Postdoc")), horg,
                            phd_end, g.start, host=hid)
                    job("faculty", "Assistant Professor", g.org, g.start, g.start + 6, sm=7, em=6)
                    if g.start + 6 <= Y1:
                        job("faculty", "Associate Professor", g.org, g.start + 6, g.start + 12, sm=7, em=6)
                    if g.start + 12 <= Y1:
                        job("faculty", "Professor", g.org, g.start + 12, None, sm=7)
                continue
            s, e = p.s, p.e
            if p.role in ("phd", "msc", "ra"):
                if p.role == "phd" and r.random() < 0.3:
                    edu("BSc", r.choice(UNIS), s - 6, s - 2, subject=bsc_subj)
                    edu("MSc", r.choice(UNIS), s - 2, s)
                else:
                    edu("BSc", r.choice(UNIS), s - 4, s, subject=bsc_subj)
                if p.role == "ra":
                    job("ra", r.choice(("Research Assistant", "Visiting Student", "Research Intern")), g.org, s, e,
                        host=g.members[0].id)
                    continue
                deg = "PhD" if p.role == "phd" else "MSc"
                edu(deg, g.org, s, e, g.members[0].id, None, expected=e > Y1)
                if p.role == "phd" and ind and r.random() < 0.4:  # internships with a host
                    years = sorted(set(r.randint(s + 1, min(e, Y1)) for _ in range(r.randint(1, 2))))
                    for y in years:
                        cand = [h for h in ind if h.field == p.field] or ind
                        ig = r.choice(cand)
                        act = [m for m in ig.members if m.s <= y and (m.e is None or y <= m.e)] or ig.members[:1]
                        host = r.choice(act)
                        job("intern", r.choice(("Research Intern", "Student Researcher", "Research Scientist Intern",
                                                "PhD Intern")), ig.org, y, y, host=host.id, sm=r.choice((5, 6)),
                            em=r.choice((8, 9)))
                        ig.interns.setdefault(y, []).append(p)
                if e <= Y1 - 1:
                    x = r.random()
                    if p.role == "msc":
                        aid, aname, aorg = self._advisor(r, p.field, e, g)
                        edu("PhD", aorg, e, e + 5, aid, aname, expected=e + 5 > Y1)
                    elif x < 0.4:
                        hid, _, horg = self._advisor(r, p.field, e, g)
                        job("postdoc", r.choice(("Postdoctoral Researcher", "Postdoctoral Fellow")), horg, e, e + 2,
                            host=hid)
                    elif x < 0.75:
                        job("industry", "Research Scientist", r.choice(COMPANIES), e, None)
                    else:
                        job("faculty", "Assistant Professor", r.choice(UNIS), e, None, sm=7)
            else:  # postdoc, research scientist, engineer: PhD elsewhere first
                edu("BSc", r.choice(UNIS), s - 10, s - 6, subject=bsc_subj)
                aid, aname, aorg = self._advisor(r, p.field, s - 6, g)
                if p.role != "engineer":
                    edu("PhD", aorg, s - 5, s, aid, aname)
                if p.role == "postdoc":
                    job("postdoc", r.choice(("Postdoctoral Researcher", "Postdoctoral Fellow", "Postdoc")), g.org, s, e,
                        host=g.members[0].id)
                    if e <= Y1 - 1:
                        job("faculty", "Assistant Professor", r.choice(UNIS), e, None, sm=7)
                else:
                    job("industry", "Research Scientist" if p.role == "rs" else "Research Engineer", g.org, s,
                        None if e >= Y1 else e)

    # ------------------------------------------------------------------ papers
    def _title(self, r, fld):
        for _ in range(50):
            t = _make_title(r, fld)
            if r.random() < 0.25:
                t = sentence_case(t)
            k = t.lower()
            if k not in self._titles:
                self._titles.add(k)
                return t
        t = f"{t} ({len(self._titles)})"
        self._titles.add(t.lower())
        return t

    def _venue(self, r, fld, y):
        vs, cw = FIELD_VENUES[fld]
        for _ in range(20):
            v = vs[bisect.bisect_right(cw, r.random() * cw[-1])]
            kind, since, _, parity, _ = VENUES[v]
            if since <= y and (parity is None or y % 2 == parity):
                return v
        return vs[0]

    def _arx(self, r, y):
        m = r.randint(1, 12)
        if y < 2007:
            return f"{r.choice(('cs', 'math', 'stat', 'physics', 'q-bio'))}/{y % 100:02d}{m:02d}{r.randint(1, 999):03d}"
        if y < 2015:
            return f"{y % 100:02d}{m:02d}.{r.randint(1, 9999):04d}"
        return f"{y % 100:02d}{m:02d}.{r.randint(1, 29999):05d}"

    def _status(self, r, y):
        x = r.random()
        if y == Y1:
            return "published" if x < 0.35 else "accepted" if x < 0.55 else "submitted" if x < 0.8 else "preprint"
        if y == Y1 - 1:
            return "published" if x < 0.78 else "accepted" if x < 0.8 else "submitted" if x < 0.9 else "preprint"
        return "published" if x < 0.96 or y < 2008 else "preprint"

    def _add_paper(self, r, fld, y, authors, group, consortium=False):
        status = self._status(r, y)
        venue = None if status == "submitted" else "arXiv" if status == "preprint" else self._venue(r, fld, y)
        arx = self._arx(r, y) if (status == "preprint" or (y >= 2007 and r.random() < 0.5)) else ""
        pap = Paper(len(self.papers), self._title(r, fld), y, fld, venue, authors, status, arx, group, consortium)
        n = len(authors)
        if n >= 3 and not consortium:
            if r.random() < 0.12:
                pap.equal = 3 if r.random() < 0.2 and n >= 4 else 2
            pap.corr = r.random() < 0.06
        self.papers.append(pap)
        for a in authors:
            a.papers.append(pap.idx)
        return pap

    def _make_papers(self, r):
        groups = self.groups
        for g in groups:
            pi = g.members[0]
            kw = K_W.get(g.field, K_W["default"])
            for y in range(max(Y0, g.start), Y1 + 1):
                act = [m for m in g.members[1:] if m.a0 <= y <= m.a1]
                interns = g.interns.get(y, ())
                lam = BASE_RATE * g.rate * (len(act) + 0.5 * len(interns) + 0.4) ** 0.9
                for _ in range(_poisson(r, lam)):
                    if interns and r.random() < 0.5:
                        first = r.choice(interns)
                    elif act:
                        first = r.choices(act, [m.activity for m in act])[0] if len(act) > 1 else act[0]
                    else:
                        first = pi
                    k = bisect.bisect_right(kw, r.random() * kw[-1]) + 1
                    authors = [first]
                    want_pi = first is not pi and k >= 2 and r.random() < (0.6 if g.industry else 0.93)
                    n_mid = k - 1 - want_pi
                    ext = []
                    if g.partners and n_mid > 0 and r.random() < 0.35:
                        pg = groups[r.choice(g.partners)]
                        pact = [m for m in pg.members if m.a0 <= y <= m.a1]
                        if pact:
                            ext = r.sample(pact, min(len(pact), r.randint(1, min(3, n_mid))))
                    pool = [m for m in act if m is not first]
                    mids = r.sample(pool, min(len(pool), n_mid - len(ext))) if n_mid - len(ext) > 0 and pool else []
                    rest = mids + ext
                    if len(rest) > 1 and r.random() < 0.3:
                        r.shuffle(rest)
                    for m in rest:
                        if m not in authors:
                            authors.append(m)
                    if want_pi and pi not in authors:
                        authors.append(pi)
                    if g.field == "stats" and len(authors) > 1 and r.random() < 0.25:
                        authors.sort(key=lambda q: fold(q.family).lower())  # alphabetical, as in theory papers
                    self._add_paper(r, g.field, y, authors, g.id)
        for fld in FIELDS:  # rare consortium papers: 40–100 authors from the whole field
            fp = self.field_people[fld]
            lam = len(fp) / 1000 * (2.0 if fld in ("physics", "bio") else 0.4)
            for _ in range(_poisson(r, lam)):
                y = r.randint(2008, Y1)
                pool = [q for q in fp if q.a0 <= y <= q.a1]
                if len(pool) < 40:
                    continue
                authors = r.sample(pool, r.randint(40, min(100, len(pool))))
                if r.random() < 0.7:
                    authors.sort(key=lambda q: (fold(q.family).lower(), q.idx))
                self._add_paper(r, fld, y, authors, None, consortium=True)

    # ------------------------------------------------------------------ helpers
    def person(self, pid: str) -> Person:
        return self.people[int(pid[1:])]


def world(people: int, seed: int = 7) -> World:
    return World(people, seed)


# ============================================================================ per-CV plan
LAYOUTS = {"txt": _cum([("blocks", 4), ("oneline", 2.5), ("apa", 1), ("ieee", 1.2), ("years", 1)]),
           "md": _cum([("blocks", 3), ("mdblocks", 3), ("oneline", 2.5), ("apa", 1), ("ieee", 0.8), ("years", 1),
                       ("table", 1.5)]),
           "bib": _cum([("bib", 1)])}
NAME_STYLES = {"apa": _cum([("lf_init", 1)]), "ieee": _cum([("initials", 1)]),
               "bib": _cum([("lf_full", 80), ("full", 20)])}
DEFAULT_STYLES = _cum([("full", 78), ("initials", 9), ("east", 8), ("lf_full", 3), ("lf_init", 2)])
FORMAT_W = {"md": 50, "txt": 35, "bib": 15}


class Entry:
    """One publication as a CV lists it."""
    __slots__ = ("paper", "title", "status", "venue", "year", "arx", "authors", "et_al", "owner_hidden", "submitted_to")


class Plan:
    """Everything about one CV that decides what it states (shared by the writer and iter_mentions)."""
    __slots__ = ("person", "key", "fmt", "layout", "style", "east_caps", "ascii", "latex", "bold", "marks",
                 "owner_form", "entries", "mentions")


def _surface(p: Person, style: str, r, ascii_cv: bool, east_caps: bool, owner: bool = False) -> tuple[str, bool]:
    """How one CV writes person p; second value: a typo was introduced."""
    g = p.given if owner and r.random() < 0.85 else _pick(r, p.given_forms())
    f = p.family if owner and r.random() < 0.9 else _pick(r, p.family_forms())
    m = p.middle
    if m:
        if r.random() < (0.3 if style in ("initials", "lf_init") else 0.45):
            m = ""
    elif p.xmiddle and r.random() < 0.3:
        m = p.xmiddle
    typo = False
    if not owner and r.random() < 0.004:
        if r.random() < 0.6 or style in ("initials", "lf_init"):
            f2 = _typo(f, r)
            typo, f = f2 != f, f2
        else:
            g2 = _typo(g, r)
            typo, g = g2 != g, g2
    if style == "full" or (style == "east" and not p.east):
        s = f"{g} {m} {f}" if m else f"{g} {f}"
    elif style == "east":
        s = f"{f.upper() if east_caps else f} {g}"
    elif style == "initials":
        gi = _pick(r, p.given_initials())
        s = f"{gi} {m} {f}" if m else f"{gi} {f}"
    elif style == "lf_init":
        gi = _pick(r, p.given_initials())
        s = f"{f}, {gi} {m}" if m else f"{f}, {gi}"
    else:  # lf_full
        s = f"{f}, {g} {m}" if m else f"{f}, {g}"
    if not s.isascii() and (ascii_cv or r.random() < 0.2):
        s = fold(s)
    return s, typo


def _title_variant(t: str, r, mode: str) -> str:
    if mode == "sentence":
        t = sentence_case(t)
    elif mode == "title":
        t = title_case(t)
    if r.random() < 0.06:
        x = r.randrange(3)
        if x == 0:
            t = sentence_case(t) if t != sentence_case(t) else title_case(t)
        elif x == 1 and not t.endswith(("?", ".")):
            t = t + "."
        else:
            t = t.replace("-S", "-s").replace("-L", "-l").replace("-E", "-e").replace("-A", "-a")
    return t


def plan_cv(w: World, p: Person, key: str, formats=FORMATS) -> Plan:
    """Decide format, layout, name style and every entry (with author surfaces) of p's CV."""
    r = random.Random(f"{w.seed}:{p.id}:plan")
    pl = Plan()
    pl.person, pl.key = p, key
    pl.fmt = _pick(r, _cum([(f, FORMAT_W[f]) for f in formats]))
    pl.layout = _pick(r, LAYOUTS[pl.fmt])
    pl.style = _pick(r, NAME_STYLES.get(pl.layout, DEFAULT_STYLES))
    if pl.style == "east" and not p.east:
        pl.style = "full"
    pl.east_caps = r.random() < 0.5
    pl.ascii = r.random() < 0.07
    pl.latex = pl.fmt == "bib" and r.random() < 0.4
    pl.bold = pl.fmt == "md" and r.random() < 0.8
    pl.marks = r.random() < 0.75
    pl.owner_form = _surface(p, pl.style, r, pl.ascii, pl.east_caps, owner=True)[0]
    title_mode = r.choices(("asis", "sentence", "title"), (85, 8, 7))[0]
    papers = sorted((w.papers[i] for i in p.papers), key=lambda q: (-q.year, q.idx))
    if r.random() < 0.15:
        papers.reverse()
    cache: dict[int, tuple[str, bool]] = {}
    entries = []
    mentions = 0
    for pap in papers:
        e = Entry()
        e.paper = pap
        e.title = _title_variant(pap.title, r, title_mode)
        e.status, e.venue, e.year, e.arx, e.submitted_to = pap.status, pap.venue, pap.year, pap.arx, None
        if pap.status == "published" and pap.arx and r.random() < 0.05:  # an outdated preprint listing
            e.status, e.venue, e.year = "preprint", "arXiv", max(2007, pap.year - r.choice((0, 1)))
        if pap.status == "submitted" and r.random() < 0.3:
            e.submitted_to = w._venue(r, pap.field, pap.year)
        n = len(pap.authors)
        k = n
        if n > 15 and r.random() < 0.85:
            k = r.randint(3, 10)
        elif n > 5 and r.random() < 0.03:
            k = r.randint(1, 3)
        names = []
        for rank, a in enumerate(pap.authors[:k], 1):
            if a is p:
                s, typo = pl.owner_form, False
            else:
                got = cache.get(a.idx)
                if got is None or r.random() < 0.04:  # mostly one form per person within a CV
                    got = _surface(a, pl.style, r, pl.ascii, pl.east_caps)
                    if a.idx not in cache:
                        cache[a.idx] = got
                s, typo = got
            marks = []
            if pl.marks:
                if rank <= pap.equal:
                    marks.append("*")
                if pap.corr and rank == n:
                    marks.append("†")
            names.append((a, s, marks, typo))
        e.authors = names
        e.et_al = k < n
        e.owner_hidden = e.et_al and p not in pap.authors[:k]
        mentions += k
        entries.append(e)
    pl.entries = entries
    pl.mentions = mentions
    return pl


def iter_cvs(w: World, formats=FORMATS):
    """(cv key, plan) for every person with at least one paper, in person order."""
    n = 0
    for p in w.people:
        if not p.papers:
            continue
        key = f"cv{n:05d}"
        n += 1
        yield key, plan_cv(w, p, key, formats)


# ============================================================================ rendering
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
MONTHS_LONG = "January February March April May June July August September October November December".split()


class _Doc:
    """Lines of a text file with 1-based line numbers for the truth."""
    __slots__ = ("lines",)

    def __init__(self):
        self.lines = []

    def add(self, *ls) -> int:
        n = len(self.lines) + 1
        self.lines.extend(ls)
        return n

    def text(self) -> str:
        return "\n".join(self.lines).rstrip("\n") + "\n"


def _date(d, style):
    """A (year, month) written in a CV's date style; returns (text, truth string)."""
    y, m = d
    if style == 0 or m is None:
        return str(y), str(y)
    if style == 1:
        return f"{MONTHS[m - 1]} {y}", f"{y}-{m:02d}"
    if style == 2:
        return f"{y}.{m:02d}", f"{y}-{m:02d}"
    if style == 3:
        return f"{m:02d}/{y}", f"{y}-{m:02d}"
    return f"{MONTHS_LONG[m - 1]} {y}", f"{y}-{m:02d}"


def _span(start, end, expected, r, style, dash):
    s_txt, s_t = _date(start, style)
    if end is None:
        return f"{s_txt}{dash}{r.choice(('present', 'Present', 'now'))}", s_t, None
    e_txt, e_t = _date(end, style)
    if expected:
        return (f"{s_txt}{dash}{e_txt} (expected)" if r.random() < 0.6 else f"{s_txt}{dash}Expected {e_txt}"), s_t, e_t
    return f"{s_txt}{dash}{e_txt}", s_t, e_t


def _org_text(org: Org, r, unit: str | None):
    name = _pick(r, org.forms)
    if unit and r.random() < 0.5:
        if r.random() < 0.6:
            return f"{unit}, {name}", name, unit
        return f"{name}, {unit}", name, unit
    return name, name, None


def _person_ref(w: World, pid, name, r, ascii_cv, academic=True):
    """How a CV names its advisor or host: (title prefix, name)."""
    if pid is None:
        base = name
    else:
        base = _surface(w.person(pid), "full", r, ascii_cv, False, owner=True)[0]
    pre = r.choices(("Prof. ", "Professor ", "Dr. ", ""), (5, 1, 1, 3) if academic else (0, 0, 1, 6))[0]
    return pre, base


def _heading(doc: _Doc, title: str, fmt: str, hs: int):
    if fmt == "md":
        doc.add("", ("## ", "# ", "### ", "## ")[hs] + (title.upper() if hs == 3 else title), "")
    elif hs == 1:
        doc.add("", title, "-" * len(title), "")
    elif hs == 2:
        doc.add("", f"== {title.upper()} ==", "")
    else:
        doc.add("", title.upper(), "")


def _render_authors(pl: Plan, e: Entry, fmt: str, latex: bool, sep_style: int):
    """(author list as one string, surfaces as written, tokens)."""
    toks, out = [], []
    for a, s, marks, _ in e.authors:
        written = latex_escape(s) if latex else s
        tok = f"**{written}**" if fmt == "md" and pl.bold and a is pl.person else written
        if marks and fmt != "bib":
            tok += "".join(marks)
        toks.append(tok)
        out.append(written)
    if fmt == "bib":
        return " and ".join(toks) + (" and others" if e.et_al else ""), out, toks
    sep = "; " if pl.style in ("lf_full", "lf_init") and pl.layout != "apa" else ", "
    if e.et_al:
        joined = sep.join(toks) + (", et al." if sep_style != 2 else " et al.")
    elif len(toks) == 1:
        joined = toks[0]
    elif pl.layout == "apa":
        joined = ", ".join(toks[:-1]) + ", & " + toks[-1]
    elif pl.layout == "ieee" or sep_style == 1:
        joined = f"{toks[0]} and {toks[1]}" if len(toks) == 2 else sep.join(toks[:-1]) + f"{sep.rstrip()} and " + toks[-1]
    else:
        joined = sep.join(toks)
    return joined, out, toks


def _wrap_tokens(toks, et_al, width=92):
    """Author list broken over lines at author boundaries (as PDF conversions do)."""
    lines, cur = [], ""
    for i, t in enumerate(toks):
        piece = t + ("," if i < len(toks) - 1 or et_al else "")
        if cur and len(cur) + 1 + len(piece) > width:
            lines.append(cur)
            cur = piece
        else:
            cur = f"{cur} {piece}" if cur else piece
    if et_al:
        cur += " et al."
    lines.append(cur)
    return lines


def _venue_block(w: World, e: Entry, r, with_year: bool = True) -> tuple[str, str | None]:
    """(venue text of an entry incl. status words and maybe the year, the venue name as written)."""
    y = e.year
    if e.status == "submitted":
        if e.submitted_to:
            v, _ = venue_text(e.submitted_to, y, r)
            return r.choice((f"Submitted to {v}", f"Under review at {v}")) + (f", {y}" if with_year else ""), v
        return r.choice(("Submitted", "Under review", "Manuscript submitted", "In submission")) + \
            (f", {y}" if with_year else ""), None
    if e.venue == "arXiv":
        v, _ = venue_text("arXiv", y, r, e.arx)
        return v + (f", {y}" if with_year else ""), v
    v, has_year = venue_text(e.venue, y, r)
    yr = "" if has_year or not with_year else f", {y}"
    if e.status == "accepted":
        x = r.random()
        if x < 0.4:
            return f"To appear in {v}{yr}", v
        return f"{v}{yr}" + (" (to appear)" if x < 0.7 else " (accepted)"), v
    if has_year or not with_year:
        return v, v
    return f"{v}, {y}" if r.random() < 0.8 else f"{v} {y}", v


def _pub_truth(e: Entry, fname, line, venue_written, year_written, surfaces):
    authors = []
    for (a, s, marks, typo), written in zip(e.authors, surfaces):
        d = {"person": a.id, "surface": written}
        if written != s:
            d["unicode"] = s
        if marks:
            d["marks"] = marks
        if typo:
            d["typo"] = True
        authors.append(d)
    return {"paper": e.paper.id, "file": fname, "line": line, "title": e.title, "venue": e.venue,
            "venue_text": venue_written, "year": e.year, "year_written": year_written, "status": e.status,
            "et_al": e.et_al, "owner_hidden": e.owner_hidden, "authors": authors}


def _bib_key(e: Entry, used: dict) -> str:
    first = e.paper.authors[0]
    fam = "".join(ch for ch in fold(first.family).lower() if ch.isalpha()) or "anon"
    word = "".join(ch for ch in fold(e.title.split(" ")[0]).lower() if ch.isalnum()) or "x"
    k = f"{fam}{e.year}{word}"
    n = used.get(k, 0)
    used[k] = n + 1
    return k if n == 0 else f"{k}-{n + 1}"


def _render_bib(w: World, pl: Plan, r, fname: str):
    doc = _Doc()
    truth = []
    used: dict = {}
    quotes = r.random() < 0.2
    braces2 = r.random() < 0.2
    o, c = ('"', '"') if quotes else ("{", "}")
    if r.random() < 0.5:
        doc.add(f"% Publications of {pl.person.name}", "")
    for e in pl.entries:
        joined, surfaces, _ = _render_authors(pl, e, "bib", pl.latex, 0)
        title = latex_escape(e.title) if pl.latex else e.title
        title = "{" + title + "}" if braces2 else title
        fields = [f"  author = {o}{joined}{c},", f"  title = {o}{title}{c},"]
        vw = None
        if e.status == "submitted":
            typ = "unpublished"
            if e.submitted_to:
                vw = venue_text(e.submitted_to, e.year, r)[0]
                fields.append(f"  note = {o}Submitted to {vw}{c},")
            else:
                fields.append(f"  note = {o}Submitted{c},")
        elif e.venue == "arXiv":
            if e.arx and r.random() < 0.5:
                typ = "misc"
                fields += [f"  eprint = {o}{e.arx}{c},", f"  archivePrefix = {o}arXiv{c},"]
                vw = "arXiv"
            else:
                typ = "article"
                vw = venue_text("arXiv", e.year, r, e.arx)[0]
                fields.append(f"  journal = {o}{vw}{c},")
        else:
            vw, _ = venue_text(e.venue, e.year, r)
            if VENUES[e.venue][0] == "journal":
                typ = "article"
                fields.append(f"  journal = {o}{vw}{c},")
                if r.random() < 0.4:
                    fields.append(f"  volume = {o}{max(1, e.year - VENUES[e.venue][2])}{c},")
            else:
                typ = "inproceedings"
                fields.append(f"  booktitle = {o}{vw}{c},")
            if e.status == "accepted":
                fields.append(f"  note = {o}To appear{c},")
        fields.append(f"  year = {o}{e.year}{c}")
        line = doc.add(f"@{typ}{{{_bib_key(e, used)},")
        doc.add(*fields)
        doc.add("}", "")
        truth.append(_pub_truth(e, fname, line, vw, True, surfaces))
    return doc, truth


def _render_pubs(w: World, pl: Plan, doc: _Doc, r, fname: str, fmt: str):
    truth = []
    layout = pl.layout
    n_total = len(pl.entries)
    if layout == "ieee":
        numbering = "bracket"
    elif layout in ("blocks", "mdblocks"):
        numbering = r.choice(("bracket", "dot", "dash_bracket", "none", "bullet"))
    else:
        numbering = r.choice(("bracket", "dot", "bullet"))
    countdown = r.random() < 0.6
    blank_between = r.random() < 0.5
    wrap = fmt == "txt" and r.random() < 0.3
    sep_style = r.randrange(3)
    italic = fmt == "md" and r.random() < 0.7
    period_title = r.random() < 0.15
    used_marks = False
    entries = pl.entries
    groups: list[tuple[str | None, list]] = [(None, entries)]
    if layout == "years":
        groups = []
        for e in entries:
            if not groups or groups[-1][0] != str(e.year):
                groups.append((str(e.year), []))
            groups[-1][1].append(e)
    elif r.random() < 0.25 and layout != "table":
        cats = {"Journal Articles": [], "Conference Papers": [], "Preprints and Submitted Papers": []}
        for e in entries:
            if e.status == "submitted" or e.venue == "arXiv":
                cats["Preprints and Submitted Papers"].append(e)
            elif VENUES[e.venue][0] == "journal":
                cats["Journal Articles"].append(e)
            else:
                cats["Conference Papers"].append(e)
        groups = [(k, v) for k, v in cats.items() if v]
    i = 0
    for gname, ents in groups:
        if gname is not None:
            doc.add("", f"### {gname}" if fmt == "md" else gname, "")
        for e in ents:
            i += 1
            num = n_total - i + 1 if countdown else i
            prefix = {"bracket": f"[{num}] ", "dot": f"{num}. ", "dash_bracket": f"- [{num}] ", "none": "",
                      "bullet": "- " if fmt == "md" else "• "}[numbering]
            joined, surfaces, toks = _render_authors(pl, e, fmt, False, sep_style)
            used_marks = used_marks or any(m for _, _, m, _ in e.authors)
            title = e.title
            if layout in ("blocks", "table"):
                vtxt, vw = _venue_block(w, e, r)
                t = title + ("." if period_title and not title.endswith(("?", ".")) else "")
                line = doc.add(prefix + t)
                if wrap and len(joined) > 92:
                    doc.add(*_wrap_tokens(toks, e.et_al))
                else:
                    doc.add(joined)
                doc.add(f"*{vtxt}*" if italic and r.random() < 0.3 else vtxt)
                if blank_between:
                    doc.add("")
            elif layout == "mdblocks":
                vtxt, vw = _venue_block(w, e, r)
                line = doc.add(f"{prefix}**{title}**  " if fmt == "md" else prefix + title)
                doc.add(f"  {joined}  ")
                doc.add(f"  *{vtxt}*" if italic else f"  {vtxt}")
                if blank_between:
                    doc.add("")
            elif layout == "apa":
                vtxt, vw = _venue_block(w, e, r, False)
                tt = title if title.endswith(("?", ".")) else title + "."
                v = f"*{vtxt}*" if italic else vtxt
                line = doc.add(f"{prefix}{joined} ({e.year}). {tt} {v}.")
                if fmt == "md":
                    doc.add("")
            elif layout == "ieee":
                vtxt, vw = _venue_block(w, e, r, False)
                kind = VENUES[e.venue][0] if e.venue else "preprint"
                v = f"*{vtxt}*" if italic else vtxt
                tt = title.rstrip(".")
                if kind == "conference" and e.status != "submitted":
                    line = doc.add(f"{prefix}{joined}, \u201c{tt},\u201d in {v}, {e.year}.")
                else:
                    line = doc.add(f"{prefix}{joined}, \u201c{tt},\u201d {v}, {e.year}.")
                if fmt == "md":
                    doc.add("")
            else:  # oneline, years
                vtxt, vw = _venue_block(w, e, r, layout != "years")
                tt = title if title.endswith(("?", ".")) else title + "."
                v = f"*{vtxt}*" if italic else vtxt
                dot = " " if joined.endswith(".") else ". "
                if r.random() < 0.3 and layout == "oneline":
                    line = doc.add(f"{prefix}{joined}{dot}\u201c{tt}\u201d {v}.")
                else:
                    line = doc.add(f"{prefix}{joined}{dot}{tt} {v}.")
                if fmt == "md" and blank_between:
                    doc.add("")
            year_written = layout != "years" or str(e.year) in vtxt
            truth.append(_pub_truth(e, fname, line, vw, year_written, surfaces))
    if used_marks:
        doc.add("", r.choice(("(* equal contribution)", "* Equal contribution. † Corresponding author.",
                              "(Note: authors with * contributed equally to the work)")))
    return truth


def _render_header(w: World, pl: Plan, doc: _Doc, r, fmt: str):
    p = pl.person
    name = p.name
    x = r.random()
    if p.hanzi and x < 0.5:
        name = f"{name} ({p.hanzi})" if r.random() < 0.6 else f"{p.hanzi} {name}"
    elif p.east and x < 0.12:
        name = f"{p.family.upper()} {p.given}"
    if pl.ascii and not p.hanzi:
        name = fold(name)
    shown = name.upper() if fmt == "txt" and not p.hanzi and r.random() < 0.5 else name
    if fmt == "md":
        doc.add(r.choice((f"# {shown}", f"**{shown}**", shown)), "")
    else:
        doc.add(shown, "")
    user = "".join(ch for ch in fold(p.given).lower() if ch.isalpha())[:12]
    fam = "".join(ch for ch in fold(p.family).lower() if ch.isalpha())
    dom = p.org.id.replace("-", "") + (".example.com" if p.org.kind == "company" else ".example.edu")
    email = f"{user}.{fam}@{dom}" if r.random() < 0.6 else f"{user[:1]}{fam}@{dom}"
    parts = [f"Email: {email}"]
    if r.random() < 0.5:
        parts.append(f"Homepage: https://{user}{fam}.github.io")
    if r.random() < 0.2:
        parts.append(f"Tel: (+1) 555-{r.randint(100, 999)}-{r.randint(1000, 9999)}")
    if r.random() < 0.5:
        doc.add(" | ".join(parts))
    else:
        doc.add(*parts)
    if r.random() < 0.4:
        nouns = r.sample(NOUNS[p.field], 3)
        _heading(doc, r.choice(("Research Interests", "Interests")), fmt, 0)
        doc.add(f"My research focuses on {nouns[0].lower()}, {nouns[1].lower()} and {nouns[2].lower()}.")
    return shown


def _render_career(w: World, pl: Plan, doc: _Doc, r, fmt: str, hs: int, table: bool):
    p = pl.person
    dstyle = r.randrange(5)
    dash = r.choice((" - ", " – ", "–", " — "))
    edu_t, job_t = [], []
    _heading(doc, r.choice(("Education", "EDUCATION", "Academic Background")), fmt, hs)
    if table:
        doc.add("| | |", "|---|---|")
    estyle = r.randrange(3)
    for ed in reversed(p.edu):
        deg = {"PhD": ("Ph.D. in {s}", "PhD, {s}", "Doctor of Philosophy in {s}") +
               (("Ph.D. student in {s}", "Ph.D. Candidate in {s}") if ed["expected"] else ()),
               "MSc": ("M.S. in {s}", "M.Sc. in {s}", "Master of Science in {s}", "MPhil in {s}"),
               "BSc": ("B.S. in {s}", "B.Sc. in {s}", "Bachelor of Science in {s}", "B.Eng. in {s}")}[ed["degree"]]
        deg_txt = r.choice(deg).format(s=ed["subject"])
        org = ORG_BY_ID[ed["org"]]
        unit = r.choice(DEPT[p.field]) if ed["degree"] != "BSc" and r.random() < 0.4 else None
        otxt, oname, unit = _org_text(org, r, unit)
        end = ed["end"]
        if ed["expected"] and r.random() < 0.5:
            end = None
        span, s_t, e_t = _span(ed["start"], end, ed["expected"] and end is not None, r, dstyle, dash)
        adv_txt = pre = None
        if ed["advisor"] or ed["advisor_name"]:
            pre, adv_txt = _person_ref(w, ed["advisor"], ed["advisor_name"], r, pl.ascii)
        if table:
            cell = f"{oname} {deg_txt}" + (f", <i>{unit}</i>" if unit else "") + (f" Advisor: {pre}{adv_txt}" if adv_txt else "")
            line = doc.add(f"| {cell} | <i>{org.city}</i> {span} |")
        elif fmt == "md":
            line = doc.add(f"- **{deg_txt}**, {otxt}, {span}")
            if adv_txt:
                doc.add(f"  Advisor: {pre}{adv_txt}")
        elif estyle == 0:
            line = doc.add(f"{otxt}, {deg_txt}, {span}")
            if adv_txt:
                doc.add(f"Advisor: {pre}{adv_txt}")
        elif estyle == 1:
            line = doc.add(f"{deg_txt}, {otxt}  {span}" + (f" (Advisor: {pre}{adv_txt})" if adv_txt else ""))
        else:
            line = doc.add(f"{span}  {deg_txt}", f"    {otxt}")
            if adv_txt:
                doc.add(f"    Advisor: {pre}{adv_txt}")
        edu_t.append({"degree": ed["degree"], "degree_text": deg_txt, "org": ed["org"], "org_text": oname,
                      "unit_text": unit, "start": s_t, "end": e_t, "expected": ed["expected"],
                      "advisor": ed["advisor"], "advisor_text": adv_txt, "line": line})
    if p.jobs:
        _heading(doc, r.choice(("Experience", "EXPERIENCE", "Professional Experience", "Employment",
                                "Research Experience", "Positions")), fmt, hs)
        if table:
            doc.add("| | |", "|--|--|")
        for jb in reversed(p.jobs):
            org = ORG_BY_ID[jb["org"]]
            otxt, oname, _ = _org_text(org, r, None)
            span, s_t, e_t = _span(jb["start"], jb["end"], False, r,
                                   dstyle if jb["kind"] != "intern" else max(1, dstyle), dash)
            host_txt = pre = label = None
            if jb["host"] and jb["kind"] in ("intern", "ra", "postdoc"):
                pre, host_txt = _person_ref(w, jb["host"], None, r, pl.ascii, org.kind == "university")
                label = "Mentor" if jb["kind"] == "postdoc" else r.choice(("Host", "Host", "Mentor", "Supervisor"))
            if table:
                line = doc.add(f"| {oname} {jb['role']}" + (f" {label}: {host_txt}" if host_txt else "") +
                               f" | <i>{org.city}</i> {span} |")
            elif fmt == "md":
                line = doc.add(f"- **{jb['role']}**, {otxt}, {span}")
                if host_txt:
                    doc.add(f"  {label}: {pre}{host_txt}")
            else:
                line = doc.add(f"{otxt}, {jb['role']}, {span}")
                if host_txt:
                    doc.add(f"{label}: {pre}{host_txt}")
            job_t.append({"kind": jb["kind"], "role": jb["role"], "org": jb["org"], "org_text": oname,
                          "start": s_t, "end": e_t, "host": jb["host"] if host_txt else None, "host_text": host_txt,
                          "line": line})
    return edu_t, job_t


def _render_extras(w: World, pl: Plan, doc: _Doc, r, fmt: str, hs: int):
    p = pl.person
    vs = FIELD_VENUES[p.field][0]
    if r.random() < 0.35:
        _heading(doc, r.choice(("Awards", "Honors and Awards", "SELECTED AWARDS AND HONORS")), fmt, hs)
        for _ in range(r.randint(1, 3)):
            y = r.randint(max(Y0, p.s), Y1)
            a = r.choice((f"Best Paper Award, {r.choice(vs)} {y}", f"{p.org.name} Graduate Fellowship, {y}",
                          f"Outstanding Reviewer Award, {r.choice(vs)} {y}", f"Rising Star in {p.field.upper()}, {y}"))
            doc.add(f"- {a}" if fmt == "md" else a)
    if r.random() < 0.3:
        _heading(doc, r.choice(("Service", "Professional Service", "Academic Service")), fmt, hs)
        doc.add(f"Reviewer: {', '.join(r.sample(vs, min(3, len(vs))))}")
    if r.random() < 0.25:
        _heading(doc, r.choice(("Skills", "Technical Skills")), fmt, hs)
        doc.add(", ".join(r.sample(["Python", "PyTorch", "JAX", "R", "C++", "CUDA", "Julia", "MATLAB", "Stan", "SQL"], 4)))


def _slug(p: Person) -> str:
    return "".join(ch for ch in fold(p.family).lower().replace(" ", "-") if ch.isalnum() or ch == "-") or "cv"


def render_cv(w: World, pl: Plan):
    """([(relative path, text)], truth record) of one CV."""
    p = pl.person
    r = random.Random(f"{w.seed}:{p.id}:render")
    base = f"{pl.key}_{_slug(p)}"
    main_fmt = "md" if pl.fmt == "bib" else pl.fmt
    fname = f"cvs/{base}/cv.md" if pl.fmt == "bib" else f"cvs/{base}.{pl.fmt}"
    doc = _Doc()
    hs = r.randrange(4)
    header_name = _render_header(w, pl, doc, r, main_fmt)
    if pl.fmt == "bib":
        edu_t, job_t = _render_career(w, pl, doc, r, "md", hs, False)
        _heading(doc, "Publications", "md", hs)
        doc.add("See publications.bib.")
        bib_name = f"cvs/{base}/publications.bib"
        bdoc, pubs = _render_bib(w, pl, r, bib_name)
        files = [(fname, doc.text()), (bib_name, bdoc.text())]
    else:
        table = pl.layout == "table"
        pub_head = r.choice(("Publications", "PUBLICATIONS", "Selected Publications", "Publications and Preprints",
                             "PUBLICATIONS AND PREPRINTS", "Papers"))
        if r.random() < 0.25:  # publications before the career sections
            _heading(doc, pub_head, main_fmt, hs)
            pubs = _render_pubs(w, pl, doc, r, fname, main_fmt)
            edu_t, job_t = _render_career(w, pl, doc, r, main_fmt, hs, table)
        else:
            edu_t, job_t = _render_career(w, pl, doc, r, main_fmt, hs, table)
            _heading(doc, pub_head, main_fmt, hs)
            pubs = _render_pubs(w, pl, doc, r, fname, main_fmt)
        _render_extras(w, pl, doc, r, main_fmt, hs)
        files = [(fname, doc.text())]
    truth = {"cv": pl.key, "file": fname, "files": [f for f, _ in files], "format": pl.fmt, "layout": pl.layout,
             "name_style": pl.style, "owner": p.id, "owner_name": header_name, "owner_surface": pl.owner_form,
             "education": edu_t, "employment": job_t, "publications": pubs}
    return files, truth


# ============================================================================ public API
def _norm_formats(formats) -> tuple:
    if isinstance(formats, str):
        formats = formats.split(",")
    formats = tuple(f.strip().lstrip(".") for f in formats if f.strip())
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise ValueError(f"unknown formats {bad}; choose from {','.join(FORMATS)}")
    return formats


def _jl(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


def generate(out, people: int = 2000, seed: int = 7, formats=FORMATS, progress=None) -> dict:
    """Write CVs under OUT/cvs and truth under OUT/truth; return counts. One CV in memory at a time."""
    formats = _norm_formats(formats)
    out = Path(out)
    (out / "cvs").mkdir(parents=True, exist_ok=True)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    w = World(people, seed)
    stats = {"people": len(w.people), "groups": len(w.groups), "papers": len(w.papers), "cvs": 0, "files": 0,
             "mentions": 0, "bytes": 0, "homonym_pairs": w.homonym_pairs,
             "homonym_people": sum(1 for p in w.people if p.homonym_of), "near_homonym_pairs": w.near_pairs,
             "typos": 0, "seed": seed, "formats": list(formats)}
    cv_of = {}
    with open(out / "truth" / "cvs.jsonl", "w", encoding="utf-8", newline="\n") as tf:
        for key, pl in iter_cvs(w, formats):
            files, truth = render_cv(w, pl)
            for rel, text in files:
                path = out / rel
                if len(files) > 1:
                    path.parent.mkdir(parents=True, exist_ok=True)
                data = text.encode("utf-8")
                with open(path, "wb") as fh:
                    fh.write(data)
                stats["bytes"] += len(data)
                stats["files"] += 1
            tf.write(_jl(truth))
            cv_of[pl.person.idx] = truth["file"]
            stats["cvs"] += 1
            stats["mentions"] += pl.mentions
            stats["typos"] += sum(1 for e in pl.entries for a in e.authors if a[3])
            if progress and stats["cvs"] % 500 == 0:
                progress(stats["cvs"])
    with open(out / "truth" / "people.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for p in w.people:
            f.write(_jl({"id": p.id, "name": p.name, "given": p.given, "middle": p.middle or None,
                         "family": p.family, "hanzi": p.hanzi or None, "culture": p.culture, "field": p.field,
                         "group": w.groups[p.group].id, "org": p.org.id, "role": p.role,
                         "homonym_of": p.homonym_of, "near_homonym_of": p.near_of, "papers": len(p.papers),
                         "cv": cv_of.get(p.idx),
                         "education": [{**d, "start": d["start"][0], "end": d["end"][0]} for d in p.edu],
                         "employment": [{**d, "start": f"{d['start'][0]}-{d['start'][1]:02d}",
                                         "end": f"{d['end'][0]}-{d['end'][1]:02d}" if d["end"] else None}
                                        for d in p.jobs]}))
    with open(out / "truth" / "papers.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for pap in w.papers:
            f.write(_jl({"id": pap.id, "title": pap.title, "year": pap.year, "venue": pap.venue,
                         "status": pap.status, "field": pap.field, "group": pap.group, "arxiv": pap.arx or None,
                         "authors": [a.id for a in pap.authors], "equal_contribution": pap.equal,
                         "corresponding_last": pap.corr, "consortium": pap.consortium}))
    with open(out / "truth" / "groups.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for g in w.groups:
            f.write(_jl({"id": g.id, "field": g.field, "org": g.org.id, "industry": g.industry, "start": g.start,
                         "pi": g.members[0].id, "members": [m.id for m in g.members],
                         "partners": [w.groups[i].id for i in g.partners]}))
    with open(out / "truth" / "venues.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for vid, (kind, since, _off, _parity, forms) in VENUES.items():
            f.write(_jl({"id": vid, "type": kind, "since": since,
                         "forms": [x if isinstance(x, str) else x[0] for x in forms]}))
    with open(out / "truth" / "orgs.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for o in ORGS:
            f.write(_jl({"id": o.id, "name": o.name, "aliases": o.aliases, "city": o.city, "type": o.kind}))
    with open(out / "truth" / "stats.json", "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(stats, indent=1) + "\n")
    return stats


def iter_mentions(people: int, seed: int = 7, formats=FORMATS):
    """Author mentions exactly as the CVs of ``generate(out, people, seed, formats)`` state them, with truth.

    Nothing is written. Yields dicts: source (CV key, e.g. "cv00012"), owner_name (the CV owner's name as
    its header gives it, before per-CV case/script variants) and owner_id, surface (the name as written;
    LaTeX accents of .bib files decoded), owner (this mention is the CV's owner), coauthors (the other
    surfaces of the same entry), rank, person (true id), paper (true id), title (as written), venue
    (canonical id as listed, None for submitted), year, status, org (the CV owner's home organization).
    """
    w = World(people, seed)
    for key, pl in iter_cvs(w, _norm_formats(formats)):
        p = pl.person
        org = p.org.id
        for e in pl.entries:
            names = [s for _, s, _, _ in e.authors]
            for i, (a, s, _, _) in enumerate(e.authors):
                yield {"source": key, "owner_name": p.name, "owner_id": p.id,
                       "surface": s, "owner": a is p, "coauthors": names[:i] + names[i + 1:],
                       "rank": i + 1, "person": a.id, "paper": e.paper.id, "title": e.title, "venue": e.venue,
                       "year": e.year, "status": e.status, "org": org}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--people", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True)
    ap.add_argument("--formats", default=",".join(FORMATS), help="comma-separated subset of md,txt,bib")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    try:
        stats = generate(a.out, a.people, a.seed, a.formats)
    except ValueError as exc:
        ap.error(str(exc))
    dt = time.perf_counter() - t0
    print(f"{stats['cvs']:,} CVs ({stats['files']:,} files, {stats['bytes'] / 1e6:.1f} MB), {stats['people']:,} people "
          f"in {stats['groups']:,} groups, {stats['papers']:,} papers, {stats['mentions']:,} author mentions, "
          f"{stats['homonym_pairs']:,} homonym pairs ({stats['homonym_people']:,} people), "
          f"{stats['near_homonym_pairs']:,} near-homonym pairs, in {dt:.1f}s → {a.out}")


if __name__ == "__main__":
    main()
