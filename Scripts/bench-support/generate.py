#!/usr/bin/env python3
"""Deterministic sample data for the benchmarks: N alliance units as a gongjian import CSV.

Plausible Chinese unit names of 10-20 characters, the eight kinds, joining dates 2000-2025,
about 10% withdrawn, about 2% marked as rejoined (the CSV carries a unit's current period,
so a rejoined unit appears with its rejoining date), 6 working groups.

Usage: generate.py N OUTPUT.csv [SEED]
"""
import random
import sys

PLACES = ["上海", "虹口", "欧阳", "曲阳", "北外滩", "四川北路", "嘉兴路", "江湾", "凉城", "广中", "提篮桥", "鲁迅"]
BRAND = list("华欣达盛锦泰兴鑫源宏嘉瑞祥丰安康鼎恒信远博通海天光明润德立新和美佳永昌隆裕荣茂")
TRADES = ["科技", "贸易", "实业", "物业管理", "建筑设计", "文化传媒", "餐饮管理", "医疗器械", "电子", "信息技术",
          "教育咨询", "物流", "环保科技", "印刷", "机电设备", "食品", "服饰", "家政服务", "广告", "投资管理"]
FORMS = {
    "非公企业": ["有限公司", "股份有限公司", "有限责任公司"],
    "国有企业": ["集团有限公司", "有限公司", "总公司"],
    "金融机构": ["银行支行", "证券营业部", "保险代理有限公司"],
    "高校": ["学院", "大学分校", "职业技术学院"],
    "事业单位": ["服务中心", "管理所", "研究所", "学校", "幼儿园"],
    "党政机关": ["管理局", "办事处", "工作站", "监督所"],
    "社会组织": ["协会", "促进会", "社工服务社", "基金会"],
    "其他": ["工作室", "服务部", "活动中心"],
}
KINDS = list(FORMS)
KIND_WEIGHTS = [50, 10, 5, 2, 12, 8, 10, 3]
GROUPS = ["组织共建专项组", "社区治理专项组", "文明创建专项组", "志愿服务专项组", "法治服务专项组", "为老服务专项组"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
REASONS = ["单位合并", "单位迁出本街道", "停业", "机构调整"]
ORDINALS = "一二三四五六七八九十"


def similar(name):
    """What gongjian compares to find one unit typed two ways: the name without brackets and
    without 有限公司, 集团 and 股份 (its similar-name rule), so the data has no near-duplicates."""
    for mark in "()（）〔〕【】[]「」":
        name = name.replace(mark, "")
    for word in ("有限公司", "集团", "股份"):
        name = name.replace(word, "")
    return name


def main():
    count = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20191)
    seen = set()
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("单位名称,单位类别,加入日期,退出日期,退出原因,签约人,签约人职务,专项组,联系人,联系电话,地址,备注\r\n")
        for i in range(count):
            kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
            while True:
                name = (rng.choice(PLACES) + rng.choice(BRAND) + rng.choice(BRAND) + rng.choice(TRADES)
                        + rng.choice(FORMS[kind]))
                if similar(name) in seen:
                    name += "第" + rng.choice(ORDINALS) + rng.choice(ORDINALS) + "分部"
                if similar(name) not in seen and 10 <= len(name) <= 20:
                    break
            seen.add(similar(name))
            year = rng.randint(2000, 2025)
            joined = "%d-%02d-%02d" % (year, rng.randint(1, 12), rng.randint(1, 28))
            left = reason = note = ""
            roll = rng.random()
            if roll < 0.10:
                left_year = rng.randint(year, 2025)
                left = "%d-%02d-%02d" % (left_year, rng.randint(1, 12), 28)
                if left < joined:
                    left = joined
                reason = rng.choice(REASONS)
            elif roll < 0.12:
                note = "重新加入"
            groups = "、".join(sorted(rng.sample(GROUPS, rng.choice([0, 1, 1, 1, 2]))))
            signatory = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
            title = rng.choice(["党委书记", "党支部书记", "总经理", "行长", "党委副书记"])
            contact = rng.choice(SURNAMES) + rng.choice(GIVEN)
            phone = "021-6%07d" % rng.randint(0, 9999999)
            address = "上海市虹口区" + rng.choice(["欧阳路", "曲阳路", "四川北路", "大连西路", "东江湾路"]) + "%d号" % rng.randint(1, 999)
            f.write(",".join([name, kind, joined, left, reason, signatory, title, groups, contact, phone, address, note]) + "\r\n")


if __name__ == "__main__":
    main()
